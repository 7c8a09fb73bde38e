using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>Behaviours asked for by the authors of the first 78 site rules.</summary>
public sealed class RuleAuthorFeedbackTests
{
    [Fact]
    public void A_field_read_inside_the_body_leaves_it_by_default()
    {
        var article = InlineRule.ExtractStory("<p class='by'>By Ann Lee</p><p>Text.</p>", "author: '.story .by'");

        Assert.Equal(new[] { "Ann Lee" }, article.Authors);
        Assert.Equal("Text.", article.Text);
    }

    [Fact]
    public void Keep_in_body_leaves_the_fields_element_in_the_body()
    {
        var article = InlineRule.ExtractStory(
            "<p class='by'>By Ann Lee</p><p>Text.</p>",
            "author: { select: '.story .by', keep_in_body: true }");

        Assert.Equal(new[] { "Ann Lee" }, article.Authors);
        Assert.Equal("By Ann Lee\n\nText.", article.Text);
    }

    [Fact]
    public void Keep_in_body_must_be_a_boolean()
    {
        var ex = Assert.Throws<NewsRules.Loading.RuleLoadException>(() =>
            InlineRule.Load(InlineRule.Yaml(extra: "lead: { select: p, keep_in_body: sometimes }")));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("NR0009", problem.Id);
        Assert.Contains("lead.keep_in_body: expected true or false", problem.Message);
    }

    [Fact]
    public void A_pattern_on_a_url_field_sees_the_raw_value_and_the_result_is_made_absolute()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(extra: "image: { select: '.story div@style', pattern: 'url\\(([^)]+)\\)' }"),
            InlineRule.Page("<div style=\"background-image: url(/img/a.jpg)\"></div><p>x</p>"));

        Assert.Equal("https://example.com/img/a.jpg", article.Image);
    }

    [Fact]
    public void Two_line_breaks_in_a_row_end_a_paragraph_and_one_stays_a_line_break()
    {
        var article = InlineRule.ExtractStory("First line<br>same paragraph<br> <br>Second paragraph<br><br><br>Third");

        Assert.Equal(
            new[] { (BlockKind.Paragraph, "First line\nsame paragraph"), (BlockKind.Paragraph, "Second paragraph"), (BlockKind.Paragraph, "Third") },
            InlineRule.Blocks(article));
    }

    [Fact]
    public void Line_breaks_in_preformatted_text_are_kept()
    {
        var article = InlineRule.ExtractStory("<pre>a<br><br>b</pre>");

        Assert.Equal(new[] { (BlockKind.Preformatted, "a\n\nb") }, InlineRule.Blocks(article));
    }

    [Fact]
    public void Junk_inside_a_caption_is_left_out_of_the_caption()
    {
        var article = InlineRule.ExtractStory(
            "<figure><img src='a.jpg'><figcaption>A bridge <span class='share'>Share this</span></figcaption></figure><p>x</p>",
            "captions: figcaption\njunk: [.share]");

        Assert.Equal(new[] { "A bridge" }, article.Captions);
        Assert.Equal((BlockKind.Caption, "A bridge"), InlineRule.Blocks(article)[0]);
    }

    [Fact]
    public void Every_caption_is_listed_even_when_two_read_the_same()
    {
        var article = InlineRule.ExtractStory(
            "<figure><figcaption>Photo: Agency</figcaption></figure><p>x</p><figure><figcaption>Photo: Agency</figcaption></figure>",
            "captions: figcaption");

        Assert.Equal(new[] { "Photo: Agency", "Photo: Agency" }, article.Captions);
    }

    [Fact]
    public void A_page_without_captions_gives_no_warning()
    {
        var article = InlineRule.ExtractStory("<p>No figure here.</p>", "captions: figcaption");

        Assert.Empty(article.Captions);
        Assert.Empty(article.Warnings);
    }
}
