using AngleSharp.Html.Parser;
using NewsRules.Engine;
using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>
/// The run trace: what the engine matched and chose, recorded while it extracted, is what
/// <c>--explain</c> prints. Each rule runs on both engines (loaded and generated); their traces
/// must explain alike.
/// </summary>
public sealed class RunTraceTests
{
    private static string Explain(string yaml, string html)
    {
        var url = new Uri(InlineRule.PageUrl);
        var interpreted = InlineRule.Load(yaml).Rule;
        var generated = ((IRuleExtractor)GeneratedRule.For(yaml)).Rule;
        var mine = RuleExplainer.Explain(interpreted, new HtmlParser().ParseDocument(html), url).ToString();
        var theirs = RuleExplainer.Explain(generated, new HtmlParser().ParseDocument(html), url).ToString();
        Assert.Equal(mine, theirs);
        return mine;
    }

    [Fact]
    public void A_date_alternative_whose_value_is_no_date_is_not_the_chosen_one()
    {
        // The first alternative has a value but no date in it: the engine reads the second.
        var text = Explain(
            InlineRule.Yaml(extra: "published: ['.kicker', 'time@datetime']"),
            InlineRule.Page("<p>Text.</p>", before: "<p class=kicker>Politics</p><time datetime='2024-05-01T10:00:00Z'>1 May</time>"));

        Assert.Contains("    .kicker → 1 element\n", text, StringComparison.Ordinal);
        Assert.Contains("  * time@datetime → 1 element\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alternative_whose_values_reject_drops_is_not_the_chosen_one()
    {
        var text = Explain(
            InlineRule.Yaml(extra: "author: [{ select: '.credit', reject: '^Photo' }, '.byline']"),
            InlineRule.Page("<p>Text.</p>", before: "<p class=credit>Photo: AP</p><p class=byline>Ann Lee</p>"));

        Assert.DoesNotContain("  * {", text, StringComparison.Ordinal);
        Assert.Contains("  * .byline → 1 element\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_read_from_an_element_has_a_value_and_is_chosen()
    {
        var text = Explain(
            InlineRule.Yaml(extra: "image: ['figure img']"),
            InlineRule.Page("<figure><img src='/a.jpg'></figure><p>Text.</p>"));

        Assert.Contains("  * figure img → 1 element\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_caption_alternative_that_gave_a_caption_is_chosen()
    {
        var text = Explain(
            InlineRule.Yaml(extra: "captions: ['figcaption', '.credit-line']"),
            InlineRule.Page("<figure><img src='/a.jpg'><figcaption>A wall.</figcaption></figure><p>Text.</p><p class=credit-line>Photo: AP</p>"));

        Assert.Contains("  * figcaption → 1 element\n", text, StringComparison.Ordinal);
        Assert.Contains("  * .credit-line → 1 element\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reveal_and_renames_say_what_they_matched_and_what_stands_in_the_body()
    {
        var text = Explain(
            InlineRule.Yaml(extra: "reveal: ['.paywall']\nunwrap: ['.inline']"),
            InlineRule.Page("<p>Open <span class=inline>text</span>.</p><div class=paywall hidden><p>Paid text.</p></div>", after: "<div class=paywall hidden>Outside.</div>"));

        Assert.Contains("reveal (hidden elements the body reads when they stand inside it)\n    .paywall → 2 elements, 1 inside the body\n", text, StringComparison.Ordinal);
        Assert.Contains("    unwrap .inline → 1 element, 1 inside the body\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Junk_is_what_the_engine_removed_inside_the_body_by_selector()
    {
        var text = Explain(
            InlineRule.Yaml(extra: "junk: ['.ad', '.share']"),
            InlineRule.Page("<p>Text.</p><div class=ad>Buy now</div>", after: "<div class=ad>Outside</div>"));

        Assert.Contains("junk (inside the body)\n    .ad → removed 1: \"Buy now\"\n    .share → removed 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trace_holds_the_fields_own_elements_left_out_and_what_fallback_filled()
    {
        var yaml = InlineRule.Yaml(body: "article", extra: "fallback: true");
        var html = "<html><head><meta property='og:image' content='https://example.com/i.jpg'></head><body><article><h1>Headline</h1><p>"
            + string.Concat(Enumerable.Repeat("A sentence of the story. ", 40)) + "</p></article></body></html>";
        var rule = InlineRule.Load(yaml).Rule;

        var run = RulePipeline.Run(rule, new HtmlParser().ParseDocument(html), new Uri(InlineRule.PageUrl), trace: true);

        var trace = Assert.IsType<RunTrace>(run.Trace);
        Assert.Equal("h1", Assert.Single(trace.FieldElementsLeftOut).LocalName);
        Assert.Equal("article", Assert.Single(trace.Containers).LocalName);
        Assert.Contains("image", trace.FilledByFallback);
        Assert.True(trace.GenericRan);
        Assert.Null(RulePipeline.Run(rule, new HtmlParser().ParseDocument(html), new Uri(InlineRule.PageUrl)).Trace);
    }
}
