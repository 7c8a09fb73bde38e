namespace NewsRules.Generators.Tests;

/// <summary>The registry's rules, generated, compiled and loaded once for all registry tests.</summary>
public sealed class RegistryFixture : IDisposable
{
    // File order and name order differ on purpose: All must follow the names.
    internal static readonly RuleFile[] Rules =
    {
        RuleFile.Named("example.org", RuleText.Valid("Zeta", "example.org", "urls: ['^/article/', '^/\\d{4}/']")),
        RuleFile.Named("news.example.com", RuleText.Valid("Mid", "news.example.com")),
        RuleFile.Named("example.com", RuleText.Valid("Alpha", "example.com")),
        RuleFile.Named("beta", RuleText.Valid("beta", "beta.example")),
    };

    public RegistryFixture()
    {
        var run = GeneratorHarness.Run(Rules);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assembly = GeneratedAssembly.Load(run.Output);
    }

    internal GeneratedAssembly Assembly { get; }

    public void Dispose() => Assembly.Dispose();
}

/// <summary>The generated <c>Sites</c> registry: every rule, in name order, and URL lookup.</summary>
public sealed class RegistryTests : IClassFixture<RegistryFixture>
{
    private readonly GeneratedAssembly assembly;

    public RegistryTests(RegistryFixture fixture) => assembly = fixture.Assembly;

    [Fact]
    public void All_lists_every_site_ordered_by_name()
    {
        var all = (IReadOnlyList<IArticleExtractor>)assembly.SitesMember("All");

        // Ordinal: upper case before lower case, whatever the machine's culture.
        Assert.Equal(new[] { "Alpha", "Mid", "Zeta", "beta" }, all.Select(e => e.Site));
    }

    [Fact]
    public void All_holds_the_same_instances_as_the_named_properties()
    {
        var all = (IReadOnlyList<IArticleExtractor>)assembly.SitesMember("All");

        Assert.Same(assembly.SitesMember("Alpha"), all[0]);
        Assert.Same(assembly.SitesMember("Zeta"), all[2]);
    }

    [Theory]
    [InlineData("https://news.example.com/world/1", "Mid")]
    [InlineData("https://sport.news.example.com/match", "Mid")]
    [InlineData("https://a.b.sport.news.example.com/match", "Mid")]
    [InlineData("https://news.example.com./x", "Mid")]
    [InlineData("https://NEWS.Example.com/x", "Mid")]
    [InlineData("https://example.com/x", "Alpha")]
    [InlineData("https://www.example.com/x", "Alpha")]
    [InlineData("https://shop.example.com/news.example.com/x", "Alpha")]
    [InlineData("https://example.org/article/42", "Zeta")]
    [InlineData("https://example.org/2024/05/bridge", "Zeta")]
    public void ForUrl_picks_the_most_specific_domain_whose_patterns_accept_the_path(string url, string site)
    {
        Assert.Equal(site, assembly.ForUrl(url)?.Site);
    }

    [Theory]
    [InlineData("https://example.org/video/42")]
    [InlineData("https://example.org/")]
    [InlineData("https://notexample.com/x")]
    [InlineData("https://example.net/x")]
    [InlineData("not a url")]
    public void ForUrl_gives_null_when_no_rule_serves_the_url(string url)
    {
        Assert.Null(assembly.ForUrl(url));
    }

    [Fact]
    public void ForUrl_by_Uri_agrees_with_ForUrl_by_string()
    {
        var forUri = assembly.Sites.GetMethod("ForUrl", new[] { typeof(Uri) })!;

        var extractor = (IArticleExtractor?)forUri.Invoke(null, new object[] { new Uri("https://news.example.com/a") });

        Assert.Same(assembly.ForUrl("https://news.example.com/a"), extractor);
    }

    [Fact]
    public void Sites_is_a_catalog_that_builds_each_extractor_on_first_use()
    {
        var run = GeneratorHarness.Run(RegistryFixture.Rules);
        var sites = run.Sources["Sites.g.cs"];

        // No extractor is built by Sites' own initializer: each is its type's Shared field.
        Assert.DoesNotContain("Extractor()", sites, StringComparison.Ordinal);
        Assert.Contains("public static Alpha Extractor".Replace(" Extractor", "Extractor") + " Alpha => global::Test.Sites.AlphaExtractor.Shared;", sites, StringComparison.Ordinal);
        Assert.Contains("internal static readonly AlphaExtractor Shared = new AlphaExtractor();", run.Sources["Alpha.g.cs"], StringComparison.Ordinal);
        Assert.IsType<NewsRules.Engine.SiteCatalog>(assembly.SitesMember("All"));
    }

    [Fact]
    public void Generated_definitions_keep_lines_short()
    {
        var run = GeneratorHarness.Run(RegistryFixture.Rules);

        foreach (var (name, source) in run.Sources)
        {
            var longest = source.Split('\n').Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal)).Max(line => line.Length);
            Assert.True(longest <= 160, $"{name}: a line of {longest} characters");
        }
    }

    [Fact]
    public void Registry_with_no_valid_rules_still_compiles()
    {
        var run = GeneratorHarness.Run(BrokenRules.All[0].File);

        Assert.Contains("Sites.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompileErrors);
        using var empty = GeneratedAssembly.Load(run.Output);
        Assert.Empty((IReadOnlyList<IArticleExtractor>)empty.SitesMember("All"));
        Assert.Null(empty.ForUrl("https://example.com/"));
    }

    [Fact]
    public void Internationalized_domain_matches_its_urls()
    {
        var run = GeneratorHarness.Run(RuleFile.Named("idn", RuleText.Valid("Masrawy", "مثال.مصر")));
        Assert.Empty(run.Diagnostics);
        using var idn = GeneratedAssembly.Load(run.Output);

        Assert.Equal("Masrawy", idn.ForUrl("https://مثال.مصر/news/1")?.Site);
        Assert.Equal("Masrawy", idn.ForUrl("https://www.xn--mgbh0fb.xn--wgbh1c/news/1")?.Site);
    }
}
