using NewsRules.Engine;
using NewsRules.Loading;

namespace NewsRules.Tests.Engine;

/// <summary>Picking the extractor for a URL.</summary>
public sealed class ExtractorRegistryTests
{
    private static InterpretedExtractor Rule(string site, string domains, string? urls = null) =>
        RuleLoader.LoadText($"""
            site: {site}
            domains: {domains}
            {(urls is null ? string.Empty : "urls: " + urls)}
            title: h1
            body: .story
            """);

    private static readonly IArticleExtractor[] Extractors =
    [
        Rule("Example", "[example.com]"),
        Rule("ExampleNews", "[news.example.com]"),
        Rule("Other", "[other.org, other.net]", "['^/article/', '^/\\d{4}/']"),
    ];

    private static string? Find(string url) => ExtractorRegistry.Find(Extractors, url)?.Site;

    [Theory]
    [InlineData("https://example.com/a", "Example")]
    [InlineData("https://www.example.com/a", "Example")]
    [InlineData("https://sport.example.com/a", "Example")]
    [InlineData("https://news.example.com/a", "ExampleNews")]
    [InlineData("https://live.news.example.com/a", "ExampleNews")]
    [InlineData("http://EXAMPLE.COM/a", "Example")]
    [InlineData("https://example.com./a", "Example")]
    public void Most_specific_domain_wins_and_subdomains_match(string url, string expected)
    {
        Assert.Equal(expected, Find(url));
    }

    [Fact]
    public void Order_of_extractors_does_not_change_the_winner()
    {
        var reversed = Extractors.Reverse().ToArray();

        Assert.Equal("ExampleNews", ExtractorRegistry.Find(reversed, "https://news.example.com/x")?.Site);
        Assert.Equal("Example", ExtractorRegistry.Find(reversed, "https://example.com/x")?.Site);
    }

    [Theory]
    [InlineData("https://notexample.com/a")]
    [InlineData("https://example.com.evil.net/a")]
    [InlineData("https://example.org/a")]
    [InlineData("https://com/a")]
    public void Hosts_that_only_look_alike_do_not_match(string url)
    {
        Assert.Null(Find(url));
    }

    [Theory]
    [InlineData("https://other.org/article/1", "Other")]
    [InlineData("https://other.net/2024/05/x", "Other")]
    [InlineData("https://other.org/about", null)]
    [InlineData("https://other.org/", null)]
    public void Urls_patterns_filter_the_path(string url, string? expected)
    {
        Assert.Equal(expected, Find(url));
    }

    [Fact]
    public void Urls_pattern_sees_the_decoded_path()
    {
        var arabic = Rule("Arabic", "[ar.example]", "['^/أخبار/']");

        Assert.Same(arabic, ExtractorRegistry.Find([arabic], "https://ar.example/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/1"));
        Assert.Same(arabic, ExtractorRegistry.Find([arabic], "https://ar.example/أخبار/1"));
    }

    [Fact]
    public void Urls_pattern_does_not_see_the_query()
    {
        Assert.Null(Find("https://other.org/about?next=/article/1"));
    }

    [Fact]
    public void Relative_or_invalid_url_string_finds_nothing()
    {
        Assert.Null(Find("/article/1"));
        Assert.Null(Find("not a url"));
    }

    [Fact]
    public void Match_length_is_the_matching_domain_length_or_minus_one()
    {
        Assert.Equal("example.com".Length, Extractors[0].MatchLength(new Uri("https://a.example.com/")));
        Assert.Equal(-1, Extractors[0].MatchLength(new Uri("https://notexample.com/")));
    }

    [Fact]
    public void Www_in_a_rule_domain_is_dropped_so_the_bare_host_matches()
    {
        var www = Rule("Www", "[www.site.com]");

        Assert.Equal(["site.com"], www.Domains);
        Assert.Same(www, ExtractorRegistry.Find([www], "https://site.com/x"));
    }

    [Fact]
    public void Internationalized_host_matches_its_punycode_domain()
    {
        var idn = Rule("Idn", "[xn--mgbh0fb.example]");

        Assert.Same(idn, ExtractorRegistry.Find([idn], "https://مثال.example/x"));
    }
}
