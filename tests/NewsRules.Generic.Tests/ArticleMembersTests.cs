using NewsRules.Rules.Definition;

namespace NewsRules.Generic.Tests;

/// <summary>The <c>fallback: true</c> merge reads its fields from the standard-field table.</summary>
public sealed class ArticleMembersTests
{
    [Fact]
    public void Every_standard_field_but_captions_fills_one_article_member_and_the_language_stands_before_the_body()
    {
        var names = ArticleMembers.Filled.Select(m => m.Name).ToArray();

        Assert.Equal(new[] { "title", "lead", "authors", "published", "image", "language", "body" }, names);
        foreach (var field in StandardFields.All)
        {
            Assert.Equal(field != StandardFields.Captions, ArticleMembers.Filled.Any(m => m.Field == field));
        }
    }

    [Fact]
    public void Each_member_is_empty_on_a_new_article_and_taken_whole_from_another()
    {
        var empty = new Article("A", "https://a.example/1");
        var full = new Article("B", "https://b.example/1")
        {
            Title = "t", Lead = "l", Authors = new[] { "x" }, Published = DateTimeOffset.UnixEpoch, Image = "https://b.example/i.jpg",
            Language = "de", Body = new[] { new Block(BlockKind.Paragraph, "p") }, Text = "p", Captions = new[] { "c" },
        };

        foreach (var member in ArticleMembers.Filled)
        {
            Assert.True(member.IsEmpty(empty), member.Name);
            Assert.False(member.IsEmpty(full), member.Name);
            var taken = member.Take(empty, full);
            Assert.False(member.IsEmpty(taken), member.Name);
            Assert.Equal("A", taken.Site);
        }

        var body = ArticleMembers.Filled.Single(m => m.Name == "body").Take(empty, full);
        Assert.Equal("p", body.Text);
        Assert.Equal(new[] { "c" }, body.Captions);
    }

    [Fact]
    public void The_fallback_warning_names_the_filled_members_in_the_table_order()
    {
        var rule = new Article("A", "https://a.example/1") { Title = "mine", Image = "https://a.example/i.jpg" };
        var generic = new Article("g", "https://a.example/1")
        {
            Title = "theirs", Lead = "lead", Authors = new[] { "Ada" }, Language = "en",
            Body = new[] { new Block(BlockKind.Paragraph, "text") }, Text = "text",
        };

        var merged = FallbackFill.Apply(rule, () => generic);

        Assert.Equal("mine", merged.Title);
        Assert.Equal("lead", merged.Lead);
        Assert.Equal("text", merged.Text);
        Assert.Null(merged.Published);
        Assert.Equal("fallback: lead, authors, language, body filled by the generic extractor (the rule left them empty).", Assert.Single(merged.Warnings));
    }

    [Fact]
    public void A_rule_that_filled_every_member_never_runs_the_generic_extractor()
    {
        var full = new Article("A", "https://a.example/1")
        {
            Title = "t", Lead = "l", Authors = new[] { "x" }, Published = DateTimeOffset.UnixEpoch, Image = "i",
            Language = "de", Body = new[] { new Block(BlockKind.Paragraph, "p") }, Text = "p",
        };

        Assert.Same(full, FallbackFill.Apply(full, () => throw new InvalidOperationException("scored")));
    }
}
