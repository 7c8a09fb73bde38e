using NewsRules.Engine;
using NewsRules.Loading;

namespace NewsRules.Tests.Engine;

/// <summary>
/// The compiled catalog's pick (<see cref="SiteCatalog"/>, behind the generated <c>Sites.ForUrl</c>):
/// a map lookup per suffix of the host that must pick exactly what the scan of every rule picks,
/// and that builds only the rules it looks at.
/// </summary>
public sealed class SiteCatalogTests
{
    private static InterpretedExtractor Rule(string site, string domains, string? urls = null) =>
        RuleLoader.LoadText($"""
            site: {site}
            domains: {domains}
            {(urls is null ? string.Empty : "urls: " + urls)}
            title: h1
            body: .story
            """);

    // Name order, as the generated catalog lists them.
    private static readonly InterpretedExtractor[] Rules =
    [
        Rule("Deep", "[live.news.example.com]", "['^/blog/']"),
        Rule("Example", "[example.com]"),
        Rule("ExampleNews", "[news.example.com, news.example.org]", "['^/\\d{4}/', '^/world/']"),
        Rule("Idn", "[xn--mgbh0fb.example]"),
        Rule("Other", "[other.org, other.net]", "['^/article/']"),
        Rule("OtherArchive", "[archive.other.org]"),
        Rule("Www", "[www.site.com]"),
    ];

    private static SiteCatalog Catalog(IReadOnlyList<IArticleExtractor> rules, List<string>? built = null) =>
        new(rules.Select(rule => new SiteCatalog.Entry(rule.Domains, () =>
        {
            built?.Add(rule.Site);
            return rule;
        })).ToArray());

    public static TheoryData<string> Urls() =>
    [
        "https://example.com/a",
        "https://www.example.com/a",
        "https://EXAMPLE.com./a",
        "https://a.b.c.example.com/a",
        "https://news.example.com/2024/x",
        "https://news.example.com/sport/x",
        "https://live.news.example.com/blog/1",
        "https://live.news.example.com/2024/1",
        "https://live.news.example.com/other",
        "https://x.live.news.example.com/blog/1",
        "https://news.example.org/world/x",
        "https://news.example.org/sport/x",
        "https://other.org/article/1",
        "https://other.org/about",
        "https://archive.other.org/about",
        "https://a.archive.other.org/article/2",
        "https://other.net/article/1",
        "https://notexample.com/a",
        "https://example.com.evil.net/a",
        "https://com/a",
        "https://site.com/x",
        "https://www.site.com/x",
        "https://مثال.example/x",
        "https://xn--mgbh0fb.example/x",
        "https://a..example.com/x",
        "https://localhost/x",
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "http://example.com:8080/x?next=/2024/",
        "ftp://example.com/x",
        "file:///tmp/x",
        "/relative/path",
        "not a url",
    ];

    [Theory]
    [MemberData(nameof(Urls))]
    public void Picks_what_the_scan_of_every_rule_picks(string url)
    {
        var catalog = Catalog(Rules);

        Assert.Equal(ExtractorRegistry.Find(Rules.ToList(), url)?.Site, catalog.Find(url)?.Site);
        // ExtractorRegistry answers a catalog by its map.
        Assert.Equal(ExtractorRegistry.Find(Rules.ToList(), url)?.Site, ExtractorRegistry.Find(catalog, url)?.Site);
    }

    [Theory]
    [InlineData("https://a.b.live.news.example.com/blog/1", "Deep")]
    [InlineData("https://a.b.live.news.example.com/2024/1", "ExampleNews")]
    [InlineData("https://a.b.live.news.example.com/about", "Example")]
    public void Walks_the_host_suffixes_from_the_longest_and_skips_rules_whose_urls_reject_the_path(string url, string site)
    {
        Assert.Equal(site, Catalog(Rules).Find(url)?.Site);
    }

    [Fact]
    public void Between_rules_of_one_domain_the_first_in_catalog_order_that_accepts_the_path_wins()
    {
        var first = Rule("First", "[tie.example]", "['^/a/']");
        var second = Rule("Second", "[tie.example]");
        var third = Rule("Third", "[tie.example]");
        var catalog = Catalog([first, second, third]);

        Assert.Same(first, catalog.Find("https://tie.example/a/1"));
        Assert.Same(second, catalog.Find("https://tie.example/b/1"));
        Assert.Same(ExtractorRegistry.Find([first, second, third], "https://tie.example/b/1"), catalog.Find("https://tie.example/b/1"));
    }

    [Fact]
    public void Builds_only_the_rules_of_the_host_suffixes_it_looks_up()
    {
        var built = new List<string>();
        var catalog = Catalog(Rules, built);

        Assert.Equal("Example", catalog.Find("https://live.news.example.com/other")?.Site);

        Assert.Equal(["Deep", "ExampleNews", "Example"], built);
        Assert.Null(catalog.Find("https://nowhere.example/x"));
        Assert.Equal(3, built.Count);
    }

    [Fact]
    public void Lists_every_rule_in_order_building_each_when_reached()
    {
        var built = new List<string>();
        var catalog = Catalog(Rules, built);

        Assert.Equal(Rules.Length, catalog.Count);
        Assert.Empty(built);
        Assert.Same(Rules[2], catalog[2]);
        Assert.Equal(["ExampleNews"], built);
        Assert.Equal(Rules.Select(r => r.Site), catalog.Select(r => r.Site));
    }

    [Fact]
    public void Empty_catalog_finds_nothing()
    {
        var catalog = Catalog([]);

        Assert.Empty(catalog);
        Assert.Null(catalog.Find("https://example.com/"));
    }
}
