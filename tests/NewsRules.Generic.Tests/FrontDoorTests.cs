using NewsRules.Loading;

namespace NewsRules.Generic.Tests;

/// <summary>Extractor.Extract: the rule that serves the URL, else the generic fallback, unless it is turned off.</summary>
public sealed class FrontDoorTests
{
    private static readonly IArticleExtractor Rule = RuleLoader.LoadText(
        """
        site: Example
        domains: [example.com]
        urls: ['^/news/']
        title: h1
        body: .story
        """);

    private static readonly string Html = Page.Html(string.Empty, $"<h1>Headline</h1><div class=\"story\"><p>{Page.Prose("Story")}</p></div><div class=\"other\"><p>{Page.Prose("Other", 8)}</p></div>");

    [Fact]
    public void A_rule_that_serves_the_url_extracts_the_page()
    {
        var article = Extractor.Extract(Html, "https://www.example.com/news/1", new[] { Rule });

        Assert.Equal("Example", article.Site);
        Assert.DoesNotContain(article.Warnings, w => w.StartsWith(GenericExtractor.FallbackWarning, StringComparison.Ordinal));
        Assert.DoesNotContain("Other sentence", article.Text);
    }

    [Theory]
    [InlineData("https://other.example.org/news/1", "other.example.org")]
    [InlineData("https://example.com/about", "example.com")]
    public void Without_a_serving_rule_the_generic_extractor_answers(string url, string site)
    {
        var article = Extractor.Extract(Html, url, new[] { Rule });

        Assert.Equal(site, article.Site);
        Assert.Contains(article.Warnings, w => w.StartsWith(GenericExtractor.FallbackWarning, StringComparison.Ordinal));
    }

    [Fact]
    public void With_the_fallback_off_a_page_no_rule_serves_is_an_error_naming_the_host()
    {
        var error = Assert.Throws<NoRuleException>(() => Extractor.Extract(Html, "https://other.example.org/news/1", new[] { Rule }, fallback: false));

        Assert.Contains("other.example.org", error.Message);
        Assert.Contains("fallback", error.Message);
        Assert.Null(Extractor.For(new Uri("https://other.example.org/"), new[] { Rule }, fallback: false));
    }

    [Fact]
    public void The_generic_extractor_loses_to_any_serving_rule_in_a_registry()
    {
        var url = new Uri("https://example.com/news/1");

        Assert.Same(Rule, NewsRules.Engine.ExtractorRegistry.Find(new[] { GenericExtractor.Instance, Rule }, url));
        Assert.Same(GenericExtractor.Instance, NewsRules.Engine.ExtractorRegistry.Find(new[] { GenericExtractor.Instance, Rule }, new Uri("https://elsewhere.org/")));
        Assert.Equal(-1, GenericExtractor.Instance.MatchLength(new Uri("ftp://example.com/")));
    }

    [Fact]
    public void The_catalog_front_door_uses_the_compiled_rules()
    {
        var article = NewsRules.Catalog.Sites.Extract(Html, "https://unknown-host.example/a");

        Assert.Equal("unknown-host.example", article.Site);
        Assert.Null(NewsRules.Catalog.Sites.ForUrl("https://unknown-host.example/a"));
    }
}
