using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>
/// Rule rot (issue 19): a rule whose title or body stopped matching its site gives the generic
/// extractor's value with a <c>rule-rot:</c> warning (or fails, or warns only, as the rule says).
/// </summary>
public sealed class RuleRotTests
{
    // The site's new layout: the article sits in <article><div class="article-body">, which the
    // rule's old '.story' no longer finds.
    private static readonly string NewLayout =
        "<html><head><title>Harbour wall to be rebuilt | Example</title></head><body>" +
        "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>" +
        "<article><h2 class=\"headline\">Harbour wall to be rebuilt</h2><div class=\"article-body\">" +
        string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<p>Paragraph {i}: the council voted on Tuesday to rebuild the old harbour wall, ending a dispute that had run for more than a decade, and residents welcomed the decision at the meeting.</p>")) +
        "</div></article><footer>Contact us</footer></body></html>";

    [Fact]
    public void A_body_that_matches_nothing_gives_the_generic_body_with_a_warning()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(title: "h2.headline"), NewLayout);

        Assert.Contains("Paragraph 1: the council voted", article.Text, StringComparison.Ordinal);
        Assert.Contains("Paragraph 6:", article.Text, StringComparison.Ordinal);
        var rot = Assert.Single(article.Warnings, w => w.StartsWith("rule-rot:", StringComparison.Ordinal));
        Assert.Contains("body", rot, StringComparison.Ordinal);
        Assert.Contains("Example", rot, StringComparison.Ordinal);
        Assert.Contains("'.story'", rot, StringComparison.Ordinal);
        Assert.Equal("Harbour wall to be rebuilt", article.Title);
    }

    [Fact]
    public void A_title_that_matches_nothing_gives_the_generic_title_and_keeps_the_rules_body()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(body: ".article-body", title: "h1.gone"), NewLayout);

        Assert.Equal("Harbour wall to be rebuilt", article.Title);
        Assert.Equal(6, article.Body.Count);
        Assert.Contains(article.Warnings, w => w.StartsWith("rule-rot: title:", StringComparison.Ordinal) && w.Contains("'h1.gone'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_far_shorter_than_the_generic_one_is_rot()
    {
        // The rule now selects one paragraph of six.
        var article = InlineRule.Extract(InlineRule.Yaml(body: ".article-body p:first-child", title: "h2.headline"), NewLayout);

        Assert.Contains("Paragraph 6:", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Warnings, w => w.StartsWith("rule-rot: body:", StringComparison.Ordinal) && w.Contains("where the generic extractor finds", StringComparison.Ordinal));
    }

    [Fact]
    public void A_healthy_rule_gives_no_rot_warning()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(body: ".article-body", title: "h2.headline"), NewLayout);

        Assert.DoesNotContain(article.Warnings, w => w.StartsWith("rule-rot:", StringComparison.Ordinal));
        Assert.Equal(6, article.Body.Count);
    }

    [Fact]
    public void Rot_fail_throws_with_the_findings()
    {
        var extractor = InlineRule.Load(InlineRule.Yaml(title: "h2.headline", extra: "rot: fail"));

        var ex = Assert.Throws<RuleRotException>(() => extractor.Extract(NewLayout, InlineRule.PageUrl));
        Assert.Equal("Example", ex.Site);
        Assert.Equal("body", Assert.Single(ex.Findings).Field);
        Assert.StartsWith("rule-rot: body:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rot_warn_keeps_the_rules_output()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(title: "h2.headline", extra: "rot: warn"), NewLayout);

        Assert.Empty(article.Body);
        Assert.Contains(article.Warnings, w => w.StartsWith("rule-rot: body:", StringComparison.Ordinal) && w.Contains("rot: warn", StringComparison.Ordinal));
    }

    // A live blog: three paragraphs of the story, then twenty entries the rule's author leaves out on
    // purpose with junk. The generic extractor reads the entries as article text.
    private static readonly string LiveBlog =
        "<html><head><title>Storm live | Example</title></head><body>" +
        "<article><h1>Storm live</h1><div class=\"article-body\">" +
        string.Concat(Enumerable.Range(1, 3).Select(i =>
            $"<p>Story {i}: the storm reached the coast on Monday night, closing the harbour and the two bridges into town for hours, and the fire brigade was called out more than forty times before dawn.</p>")) +
        string.Concat(Enumerable.Range(1, 20).Select(i =>
            $"<div class=\"entry\"><p>Entry {i}: readers sent photographs of flooded streets, fallen trees and boats torn from their moorings overnight.</p></div>")) +
        "</div></article></body></html>";

    [Fact]
    public void A_body_that_junk_shortened_on_purpose_is_not_rot()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(body: ".article-body", extra: "junk: ['.entry']"), LiveBlog);

        Assert.DoesNotContain(article.Warnings, w => w.StartsWith("rule-rot:", StringComparison.Ordinal));
        Assert.Equal(3, article.Body.Count);
        Assert.DoesNotContain("Entry 1:", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_junk_the_same_short_body_is_still_rot()
    {
        // The rule selects the same three paragraphs by a narrower selector and has no junk: the
        // generic body (with the entries) is more than three times as long, so it is rot.
        var article = InlineRule.Extract(InlineRule.Yaml(body: ".article-body > p"), LiveBlog);

        Assert.Contains(article.Warnings, w => w.StartsWith("rule-rot: body:", StringComparison.Ordinal));
        Assert.Contains("Entry 20:", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_body_is_rot_when_the_generic_body_less_the_junk_is_still_far_longer()
    {
        // The junk removes the entries, but the rule's body is one paragraph of the story's nine:
        // measured against the story less the entries it is still far short.
        var page = LiveBlog.Replace("</div></article>", string.Concat(Enumerable.Range(4, 6).Select(i =>
            $"<p>Story {i}: the council opened the sports hall to families whose homes were flooded, and volunteers brought food and blankets.</p>")) + "</div></article>", StringComparison.Ordinal);
        var article = InlineRule.Extract(InlineRule.Yaml(body: ".article-body > p:first-child", extra: "junk: ['.entry']"), page);

        var rot = Assert.Single(article.Warnings, w => w.StartsWith("rule-rot: body:", StringComparison.Ordinal));
        Assert.Contains("once the rule's junk is left out of it", rot, StringComparison.Ordinal);
        Assert.Contains("Story 9:", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Junk_that_empties_the_body_is_rot()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(body: ".article-body", title: "h2.headline", extra: "junk: ['p']"), NewLayout);

        Assert.Contains(article.Warnings, w => w.StartsWith("rule-rot: body:", StringComparison.Ordinal) && w.Contains("gave no text", StringComparison.Ordinal));
        Assert.Contains("Paragraph 6:", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rot: sometimes", "rot: expected 'fallback' or 'fail' or 'warn', not 'sometimes'.")]
    [InlineData("boilerplate: drop", "boilerplate: expected 'remove' or 'keep', not 'drop'.")]
    public void A_wrong_setting_is_an_error_at_its_line(string line, string message)
    {
        var ex = Assert.Throws<NewsRules.Loading.RuleLoadException>(() => InlineRule.Load(InlineRule.Yaml(extra: line)));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Contains("NR0009", ex.Message, StringComparison.Ordinal);
    }
}
