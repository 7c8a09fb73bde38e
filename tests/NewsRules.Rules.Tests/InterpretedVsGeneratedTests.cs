using System.Reflection;
using AngleSharp.Dom;
using NewsRules.Catalog;
using NewsRules.Html;
using NewsRules.Loading;
using NewsRules.Output;

namespace NewsRules.Rules.Tests;

/// <summary>
/// One engine, two front ends: a rule loaded from YAML at run time must give byte-identical
/// output to the extractor the source generator compiled from the same file.
/// </summary>
public sealed class InterpretedVsGeneratedTests
{
    /// <summary>Every sample page: rules/&lt;domain&gt;/samples/&lt;name&gt;.html, as "&lt;domain&gt;/&lt;name&gt;.html".</summary>
    public static TheoryData<string> SamplePages()
    {
        var data = new TheoryData<string>();
        foreach (var page in SampleFiles.All())
        {
            data.Add(page);
        }

        return data;
    }

    /// <summary>Every rule folder.</summary>
    public static TheoryData<string> RuleDomains()
    {
        var data = new TheoryData<string>();
        foreach (var domain in SampleFiles.Domains())
        {
            data.Add(domain);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplePages))]
    public void Interpreted_rule_gives_the_same_json_as_the_generated_extractor(string page)
    {
        var domain = page.Split('/')[0];
        var html = SampleFiles.Read(page);
        var url = SampleFiles.UrlOf(html);
        var compiled = Sites.ForUrl(url);
        Assert.NotNull(compiled);
        var interpreted = RuleLoader.LoadFile(SampleFiles.RulePath(domain));

        var fromCompiled = ArticleJson.Serialize(compiled.Extract(html, url));
        var fromInterpreted = ArticleJson.Serialize(interpreted.Extract(html, url));

        Assert.Equal(compiled.Site, interpreted.Site);
        Assert.Equal(fromCompiled, fromInterpreted);
        Assert.True(fromCompiled.Length > 200, "the output should hold an article");
    }

    [Theory]
    [MemberData(nameof(RuleDomains))]
    public void Interpreted_and_generated_agree_on_every_sample_page_including_other_sites(string domain)
    {
        // A rule run over another site's page exercises the warning paths (nothing matched).
        var interpreted = RuleLoader.LoadFile(SampleFiles.RulePath(domain));
        var compiled = Sites.All.SingleOrDefault(s => s.Site == interpreted.Site);
        Assert.True(compiled is not null, $"{domain}: site {interpreted.Site} is not in the compiled catalog; rebuild.");
        foreach (var (page, document, url) in SampleFiles.Documents)
        {
            AssertSameJson($"{interpreted.Site} over {page}", ArticleJson.Serialize(compiled.Extract(document, url)), ArticleJson.Serialize(interpreted.Extract(document, url)));
        }
    }

    private static void AssertSameJson(string what, string generated, string interpreted)
    {
        if (generated == interpreted)
        {
            return;
        }

        var at = 0;
        while (at < generated.Length && at < interpreted.Length && generated[at] == interpreted[at])
        {
            at++;
        }

        static string Around(string text, int at) => text.Substring(Math.Max(0, at - 60), Math.Min(text.Length, at + 60) - Math.Max(0, at - 60));
        Assert.Fail($"{what}: interpreted and generated JSON differ at character {at}.\ngenerated:   …{Around(generated, at)}…\ninterpreted: …{Around(interpreted, at)}…");
    }

    [Fact]
    public void Loading_the_rules_folder_gives_the_compiled_catalog()
    {
        var interpreted = SampleFiles.Interpreted;

        Assert.Equal(
            Sites.All.Select(s => (s.Site, string.Join(",", s.Domains))).OrderBy(s => s.Site, StringComparer.Ordinal).ToArray(),
            interpreted.Select(s => (s.Site, string.Join(",", s.Domains))).OrderBy(s => s.Site, StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [MemberData(nameof(SamplePages))]
    public void Interpreted_and_generated_match_the_same_urls(string page)
    {
        var url = SampleFiles.UrlOf(SampleFiles.Read(page));
        var interpreted = SampleFiles.Interpreted;

        Assert.Equal(Sites.ForUrl(url)?.Site, NewsRules.Engine.ExtractorRegistry.Find(interpreted, url)?.Site);
        foreach (var compiled in Sites.All)
        {
            Assert.Equal(compiled.MatchLength(url), interpreted.Single(i => i.Site == compiled.Site).MatchLength(url));
        }
    }
}

/// <summary>The repository's rules folder and sample pages, for the tests in this assembly.</summary>
internal static class SampleFiles
{
    public static string RulesDirectory { get; } =
        typeof(SampleFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RulesDirectory").Value
        ?? throw new InvalidOperationException("The RulesDirectory assembly metadata has no value.");

    private static readonly Lazy<IReadOnlyList<InterpretedExtractor>> InterpretedRules =
        new(() => RuleLoader.LoadDirectory(RulesDirectory));

    private static readonly Lazy<IReadOnlyList<(string Page, IDocument Document, Uri Url)>> ParsedPages =
        new(() => All().Select(page =>
        {
            var document = HtmlDocuments.Parse(Read(page));
            return (page, document, PageAddress.Find(document) ?? throw new InvalidOperationException($"{page} has no canonical link or og:url."));
        }).ToList());

    /// <summary>Sample pages as "&lt;domain&gt;/&lt;file&gt;.html", ordinal order.</summary>
    public static IReadOnlyList<string> All() =>
        Directory.EnumerateFiles(RulesDirectory, "*.html", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "samples")
            .Select(f => Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f)))! + "/" + Path.GetFileName(f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every rule folder that holds its &lt;domain&gt;.yaml.</summary>
    public static IReadOnlyList<string> Domains() =>
        Directory.EnumerateDirectories(RulesDirectory)
            .Select(d => Path.GetFileName(d))
            .Where(d => File.Exists(RulePath(d)))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every rule in the folder, loaded at run time once for the assembly.</summary>
    public static IReadOnlyList<InterpretedExtractor> Interpreted => InterpretedRules.Value;

    /// <summary>
    /// Every sample page parsed once, with its URL. Extraction never changes a document; tests
    /// that run on several threads at once parse their own copies instead.
    /// </summary>
    public static IReadOnlyList<(string Page, IDocument Document, Uri Url)> Documents => ParsedPages.Value;

    public static string RulePath(string domain) => Path.Combine(RulesDirectory, domain, domain + ".yaml");

    public static string PagePath(string page)
    {
        var parts = page.Split('/');
        return Path.Combine(RulesDirectory, parts[0], "samples", parts[1]);
    }

    public static string Read(string page) => File.ReadAllText(PagePath(page));

    /// <summary>The page's canonical link, else its og:url.</summary>
    public static Uri UrlOf(string html) =>
        PageAddress.Find(HtmlDocuments.Parse(html))
        ?? throw new InvalidOperationException("The sample page has no canonical link or og:url.");
}
