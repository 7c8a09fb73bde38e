using NewsRules.Loading;

namespace NewsRules.Generic.Tests;

/// <summary><c>fallback: true</c> in a rule: what the rule leaves empty comes from the generic extractor, and a warning says which fields.</summary>
public sealed class RuleFallbackTests
{
    private const string Url = "https://www.example.com/news/1";

    private static readonly string Head =
        "<meta property=\"og:image\" content=\"https://cdn.example.com/lead.jpg\">"
        + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"JSON headline\",\"author\":{\"@type\":\"Person\",\"name\":\"Ada Lovelace\"},\"datePublished\":\"2021-03-04T10:00:00Z\"}</script>";

    private static IArticleExtractor Rule(bool fallback, string body = ".story") => RuleLoader.LoadText(
        $"""
        site: Example
        domains: [example.com]
        title: h1
        author: .byline
        body: {body}
        fallback: {(fallback ? "true" : "false")}
        """);

    private static readonly string Html = Page.Html(Head, $"<h1>Rule headline</h1><div class=\"story\"><p>{Page.Prose("Story")}</p></div><div class=\"other\"><p>{Page.Prose("Other", 8)}</p></div>");

    [Fact]
    public void Fields_the_rule_leaves_empty_come_from_the_generic_extractor_and_a_warning_names_them()
    {
        var article = Rule(fallback: true).Extract(Html, Url);

        Assert.Equal("Example", article.Site);
        Assert.Equal("Rule headline", article.Title);
        Assert.Equal(new[] { "Ada Lovelace" }, article.Authors);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 10, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("https://cdn.example.com/lead.jpg", article.Image);
        Assert.DoesNotContain("Other sentence", article.Text);
        var warning = Assert.Single(article.Warnings, w => w.StartsWith("fallback:", StringComparison.Ordinal));
        Assert.Contains("authors", warning);
        Assert.Contains("published", warning);
        Assert.Contains("image", warning);
        Assert.DoesNotContain("title", warning);
        Assert.DoesNotContain("body", warning);
    }

    [Fact]
    public void An_empty_body_is_filled_by_content_scoring()
    {
        var article = Rule(fallback: true, body: ".no-such-class").Extract(Html, Url);

        Assert.Contains("Other sentence", article.Text);
        Assert.Contains(article.Warnings, w => w.StartsWith("fallback:", StringComparison.Ordinal) && w.Contains("body"));
    }

    [Fact]
    public void Without_fallback_the_rule_output_is_left_as_it_is()
    {
        var article = Rule(fallback: false).Extract(Html, Url);

        Assert.Empty(article.Authors);
        Assert.Null(article.Published);
        Assert.Null(article.Image);
        Assert.DoesNotContain(article.Warnings, w => w.StartsWith("fallback", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fallback_value_that_is_not_a_boolean_is_a_rule_error()
    {
        var error = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadText("site: Example\ndomains: [example.com]\ntitle: h1\nbody: .story\nfallback: maybe\n"));

        Assert.Contains("fallback: expected true or false", error.Message);
    }

    [Fact]
    public void A_fallback_rule_may_leave_out_title_and_body_and_gets_them_from_the_generic_extractor()
    {
        var rule = RuleLoader.LoadText(
            """
            site: Example
            domains: [example.com]
            author: .byline
            fallback: true
            """);
        var html = Page.Html(Head, $"<h1>Rule headline</h1><p class=\"byline\">Grace Hopper</p><div class=\"story\"><p>{Page.Prose("Story", 8)}</p></div>");

        var article = rule.Extract(html, Url);

        Assert.Equal("Rule headline", article.Title);
        Assert.Contains("Story sentence 8", article.Text);
        Assert.Equal(new[] { "Grace Hopper" }, article.Authors);
        var warning = Assert.Single(article.Warnings, w => w.StartsWith("fallback:", StringComparison.Ordinal));
        Assert.Contains("title", warning);
        Assert.Contains("body", warning);
        Assert.DoesNotContain(article.Warnings, w => w.StartsWith("body: nothing matched", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("body")]
    public void Without_fallback_a_missing_title_or_body_is_an_error_that_names_the_way_out(string key)
    {
        var yaml = "site: Example\ndomains: [example.com]\n" + (key == "title" ? "body: .story\n" : "title: h1\n");

        var error = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadText(yaml));

        Assert.Contains($"no '{key}'", error.Message);
        Assert.Contains("fallback: true", error.Message);
    }
}
