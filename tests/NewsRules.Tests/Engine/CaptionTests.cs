using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>Captions: caption blocks where they stand in the body, and the Captions list.</summary>
public sealed class CaptionTests
{
    private const string Rule = """
        site: Example
        domains: [example.com]
        title: h1
        body: .story
        captions: figcaption
        junk: [.related]
        """;

    private const string Html = """
        <html><body>
        <h1>Headline</h1>
        <figure class=cover><img src=/cover.jpg><figcaption>Cover caption</figcaption></figure>
        <div class=story>
          <p>First.</p>
          <figure><img src=/a.jpg><figcaption>Inline <b>caption</b></figcaption></figure>
          <p>Second.</p>
          <div class=related><figure><figcaption>Related caption</figcaption></figure></div>
          <p>Third.</p>
        </div>
        <footer><figure><figcaption>Footer caption</figcaption></figure></footer>
        </body></html>
        """;

    private static Article Extract() => InlineRule.Extract(Rule, Html);

    [Fact]
    public void Captions_in_the_body_become_caption_blocks_where_they_stand()
    {
        Assert.Equal(
            [
                (BlockKind.Paragraph, "First."),
                (BlockKind.Caption, "Inline caption"),
                (BlockKind.Paragraph, "Second."),
                (BlockKind.Paragraph, "Third."),
            ],
            InlineRule.Blocks(Extract()));
    }

    [Fact]
    public void Captions_are_left_out_of_text()
    {
        Assert.Equal("First.\n\nSecond.\n\nThird.", Extract().Text);
    }

    [Fact]
    public void Captions_list_covers_captions_outside_the_body_in_page_order()
    {
        Assert.Equal(["Cover caption", "Inline caption", "Footer caption"], Extract().Captions);
    }

    [Fact]
    public void Captions_inside_junk_are_not_listed()
    {
        var article = Extract();

        Assert.DoesNotContain("Related caption", article.Captions);
        Assert.DoesNotContain(article.Body, b => b.Text.Contains("Related", StringComparison.Ordinal));
    }

    [Fact]
    public void A_caption_splits_a_paragraph_it_stands_in()
    {
        var article = InlineRule.Extract(
            Rule,
            "<html><body><h1>H</h1><div class=story>Before the photo <figcaption>Photo</figcaption> after the photo</div></body></html>");

        Assert.Equal(
            [(BlockKind.Paragraph, "Before the photo"), (BlockKind.Caption, "Photo"), (BlockKind.Paragraph, "after the photo")],
            InlineRule.Blocks(article));
    }

    [Fact]
    public void Captions_from_several_alternatives_are_listed_in_page_order()
    {
        var article = InlineRule.Extract(
            Rule.Replace("captions: figcaption", "captions: ['.credit', 'figcaption']", StringComparison.Ordinal),
            "<html><body><h1>H</h1><div class=story><figcaption>Caption A</figcaption><p>Text.</p><span class=credit>Credit B</span></div></body></html>");

        Assert.Equal(["Caption A", "Credit B"], article.Captions);
        Assert.Equal(
            [(BlockKind.Caption, "Caption A"), (BlockKind.Paragraph, "Text."), (BlockKind.Caption, "Credit B")],
            InlineRule.Blocks(article));
    }

    [Fact]
    public void Declared_captions_that_match_nothing_give_an_empty_list_without_a_warning()
    {
        // Many articles have no figure: an empty caption list is not a broken rule.
        var article = InlineRule.Extract(Rule, "<html><body><h1>H</h1><div class=story><p>Text.</p></div></body></html>");

        Assert.Empty(article.Captions);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Every_caption_match_is_listed_even_when_two_read_the_same()
    {
        var article = InlineRule.Extract(
            Rule,
            "<html><body><h1>H</h1><div class=story><figure><figcaption>AP Photo</figcaption></figure><p>Text.</p><figure><figcaption>AP Photo</figcaption></figure></div></body></html>");

        Assert.Equal(["AP Photo", "AP Photo"], article.Captions);
        Assert.Equal(2, article.Body.Count(b => b.Kind == BlockKind.Caption));
    }

    [Fact]
    public void Junk_inside_a_caption_is_left_out_of_its_text()
    {
        var article = InlineRule.Extract(
            Rule,
            "<html><body><h1>H</h1><div class=story><figure><figcaption>The bridge <span class=related>Related: more bridges</span>today.</figcaption></figure><p>Text.</p></div></body></html>");

        Assert.Equal(["The bridge today."], article.Captions);
        Assert.Equal((BlockKind.Caption, "The bridge today."), InlineRule.Blocks(article)[0]);
    }

    [Fact]
    public void Undeclared_captions_give_no_warning_and_figcaptions_stay_text()
    {
        var article = InlineRule.ExtractStory("<p>Text.</p><figure><figcaption>Plain caption</figcaption></figure>");

        Assert.Empty(article.Captions);
        Assert.Empty(article.Warnings);
        Assert.Equal("Text.\n\nPlain caption", article.Text);
    }

    [Fact]
    public void Caption_parts_are_joined_by_a_space()
    {
        var article = InlineRule.Extract(
            Rule,
            "<html><body><h1>H</h1><div class=story><figure><figcaption><p>Residents cross the bridge.</p><span>AP Photo/Jane Doe</span></figcaption></figure><p>Text.</p></div></body></html>");

        Assert.Equal(["Residents cross the bridge. AP Photo/Jane Doe"], article.Captions);
        Assert.Equal((BlockKind.Caption, "Residents cross the bridge. AP Photo/Jane Doe"), InlineRule.Blocks(article)[0]);
    }

    [Fact]
    public void Junk_applies_only_inside_the_body_so_a_caption_outside_it_is_listed()
    {
        // README: junk is removed only inside the body; captions inside that junk are not listed.
        var article = InlineRule.Extract(
            Rule,
            "<html><body><h1>H</h1><div class=related><figcaption>Outside related</figcaption></div><div class=story><p>Text.</p></div></body></html>");

        Assert.Equal(["Outside related"], article.Captions);
    }
}
