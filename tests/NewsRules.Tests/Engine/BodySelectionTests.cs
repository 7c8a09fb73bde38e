using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>Which elements make the body, and what is left out of it.</summary>
public sealed class BodySelectionTests
{
    private static Article Run(string rule, string bodyHtml) => InlineRule.ExtractBody(rule, bodyHtml);

    [Fact]
    public void First_alternative_that_matches_wins()
    {
        var article = Run(
            "body: ['.missing', '.second', '.first']",
            "<div class=first><p>From first.</p></div><div class=second><p>From second.</p></div>");

        Assert.Equal([(BlockKind.Paragraph, "From second.")], InlineRule.Blocks(article));
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Every_match_of_the_winning_alternative_is_read_in_document_order()
    {
        var article = Run(
            "body: .part",
            "<div class=part><p>One.</p></div><aside>Not body.</aside><div class=part><p>Two.</p></div><footer><div class=part><p>Three.</p></div></footer>");

        Assert.Equal("One.\n\nTwo.\n\nThree.", article.Text);
    }

    [Fact]
    public void Matches_from_a_selector_list_are_read_in_document_order_not_selector_order()
    {
        var article = Run("body: '.b, .a'", "<div class=a><p>A.</p></div><div class=b><p>B.</p></div>");

        Assert.Equal("A.\n\nB.", article.Text);
    }

    [Fact]
    public void Comments_and_foreign_content_between_text_read_as_before()
    {
        // The walks test a node's type before casting it; comments, svg and MathML text must
        // still read as they did (comments add nothing; svg and math are skipped).
        var article = Run(
            "body: .story\ncaptions: .story figcaption",
            "<div class=story><p>One<!-- c -->two <b>bold</b><svg><title>t</title><![CDATA[x]]></svg> end</p>"
            + "<p>x<math><mi>y</mi></math>z</p><figure><img src=a.jpg><figcaption>Cap<!-- c -->tion <i>it</i></figcaption></figure>"
            + "<div>last<br>line<br><br>next</div></div>");

        Assert.Equal(
            [
                (BlockKind.Paragraph, "Onetwo bold end"),
                (BlockKind.Paragraph, "xz"),
                (BlockKind.Caption, "Caption it"),
                (BlockKind.Paragraph, "last\nline"),
                (BlockKind.Paragraph, "next"),
            ],
            InlineRule.Blocks(article));
        Assert.Equal(["Caption it"], article.Captions);
    }

    [Fact]
    public void Nested_matches_are_read_once()
    {
        var article = Run(
            "body: .part",
            "<div class=part><p>Outer.</p><div class=part><p>Inner.</p></div><p>Outer again.</p></div>");

        Assert.Equal([(BlockKind.Paragraph, "Outer."), (BlockKind.Paragraph, "Inner."), (BlockKind.Paragraph, "Outer again.")], InlineRule.Blocks(article));
    }

    [Fact]
    public void Nothing_matched_gives_an_empty_body_and_a_warning_naming_the_selectors()
    {
        // rot: warn keeps the rule's own (empty) body; RuleRotTests covers the default fallback.
        var article = Run("body: ['.missing', '.gone']\nrot: warn", "<p>Stray.</p>");

        Assert.Empty(article.Body);
        Assert.Equal(string.Empty, article.Text);
        var warning = Assert.Single(article.Warnings, w => !w.StartsWith("rule-rot:", StringComparison.Ordinal));
        Assert.StartsWith("body:", warning, StringComparison.Ordinal);
        Assert.Contains(".missing", warning, StringComparison.Ordinal);
        Assert.Contains(".gone", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Junk_is_removed_from_the_body()
    {
        var article = Run(
            "body: .story\njunk: ['.ad', '.share']",
            "<div class=story><p>Keep one.</p><div class=ad><p>Buy now!</p></div><p>Keep two.</p><ul class=share><li>Tweet</li></ul></div>");

        Assert.Equal("Keep one.\n\nKeep two.", article.Text);
    }

    [Fact]
    public void Junk_outside_the_body_does_not_touch_metadata()
    {
        // `.promo` is junk, and the headline and the lead carry that class too: they are read as parsed.
        var article = InlineRule.Extract(
            """
            site: Example
            domains: [example.com]
            title: h1.promo
            lead: .dek
            body: .story
            junk: [.promo]
            fields:
              Kicker: .kicker
            """,
            """
            <html><body>
            <h1 class=promo>Headline</h1>
            <p class="dek promo">The lead.</p>
            <span class="kicker promo">Exclusive</span>
            <div class=story><p>Body.</p><p class=promo>Subscribe!</p></div>
            </body></html>
            """);

        Assert.Equal("Headline", article.Title);
        Assert.Equal("The lead.", article.Lead);
        Assert.Equal("Exclusive", article.Fields["Kicker"]);
        Assert.Equal("Body.", article.Text);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void A_field_may_read_inside_junk_and_still_gets_its_value()
    {
        var article = InlineRule.Extract(
            """
            site: Example
            domains: [example.com]
            title: h1
            body: .story
            junk: [.meta]
            fields:
              Desk: .meta .desk
            """,
            "<html><body><h1>H</h1><div class=story><div class=meta><span class=desk>Politics</span></div><p>Body.</p></div></body></html>");

        Assert.Equal("Politics", article.Fields["Desk"]);
        Assert.Equal("Body.", article.Text);
    }

    [Fact]
    public void Extraction_does_not_change_the_document()
    {
        var document = NewsRules.Html.HtmlDocuments.Parse("<html><body><h1>H</h1><div class=story><p>Body.</p><p class=ad>Ad.</p></div></body></html>");
        var before = document.DocumentElement.OuterHtml;
        var extractor = InlineRule.Load(InlineRule.Yaml(extra: "junk: [.ad]"));

        var first = extractor.Extract(document, new Uri(InlineRule.PageUrl));
        var second = extractor.Extract(document, new Uri(InlineRule.PageUrl));

        Assert.Equal(before, document.DocumentElement.OuterHtml);
        Assert.Equal("Body.", first.Text);
        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public void An_element_a_field_reads_inside_the_body_is_left_out_of_the_body()
    {
        var article = InlineRule.Extract(
            """
            site: Example
            domains: [example.com]
            title: .story h1
            lead: .story .dek
            author: .story .byline
            body: .story
            fields:
              Source: { select: '.story p:last-of-type', pattern: 'Source:\s*(.+)' }
            """,
            """
            <html><body><div class=story>
            <h1>Headline</h1><p class=dek>The lead.</p><p class=byline>By Ann Lee</p>
            <p>First paragraph.</p><p>Second paragraph.</p><p>Source: Reuters</p>
            </div></body></html>
            """);

        Assert.Equal("Headline", article.Title);
        Assert.Equal("The lead.", article.Lead);
        Assert.Equal(["Ann Lee"], article.Authors);
        Assert.Equal("Reuters", article.Fields["Source"]);
        Assert.Equal([(BlockKind.Paragraph, "First paragraph."), (BlockKind.Paragraph, "Second paragraph.")], InlineRule.Blocks(article));
    }

    [Fact]
    public void A_field_that_reads_an_attribute_inside_the_body_leaves_the_element_in_the_body()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(extra: "fields:\n  Ref: '.story a.ref@href'"),
            InlineRule.Page("<p>See <a class=ref href='/doc'>the document</a>.</p>"));

        Assert.Equal("https://example.com/doc", article.Fields["Ref"]);
        Assert.Equal("See the document.", article.Text);
    }

    [Fact]
    public void The_body_container_itself_matched_by_a_field_is_not_removed()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(extra: "fields:\n  Whole: .story"),
            InlineRule.Page("<p>One.</p><p>Two.</p>"));

        Assert.Equal("One. Two.", article.Fields["Whole"]);
        Assert.Equal("One.\n\nTwo.", article.Text);
    }

    [Fact]
    public void A_field_matching_an_ancestor_of_the_body_does_not_remove_the_body()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(body: "main .story", extra: "lead: main"),
            "<html><body><h1>H</h1><main><div class=story><p>Body text.</p></div></main></body></html>");

        Assert.Equal("Body text.", article.Lead);
        Assert.Equal("Body text.", article.Text);
    }

    [Fact]
    public void Elements_a_field_looked_at_but_did_not_take_stay_in_the_body()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(extra: "fields:\n  Source: { select: '.story p', pattern: '^Source:\\s*(.+)' }"),
            InlineRule.Page("<p>First.</p><p>Source: AFP</p><p>Last.</p>"));

        Assert.Equal("AFP", article.Fields["Source"]);
        Assert.Equal("First.\n\nLast.", article.Text);
    }

    [Fact]
    public void Keep_in_body_leaves_the_element_a_field_read_in_the_body()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(extra: "lead: { select: '.story p:first-child', keep_in_body: true }\nfields:\n  Source: { select: '.story p:last-child', pattern: 'Source:\\s*(.+)' }"),
            InlineRule.Page("<p>First paragraph, also the lead.</p><p>Second.</p><p>Source: AFP</p>"));

        Assert.Equal("First paragraph, also the lead.", article.Lead);
        Assert.Equal("AFP", article.Fields["Source"]);
        Assert.Equal("First paragraph, also the lead.\n\nSecond.", article.Text);
    }
}
