using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NewsRules.Catalog;
using NewsRules.Html;
using NewsRules.Loading;

namespace NewsRules.Benchmarks.Pages;

/// <summary>
/// The pages the suite measures: every page of <c>mercury-dev</c> in the shared corpus that one
/// of our compiled rules serves, or, when the corpus is absent, the repository's own samples
/// (<c>rules/*/samples/*.html</c>). Deterministic, so that every BenchmarkDotNet process
/// (one per case) sees the same list.
/// </summary>
internal sealed class PageSet
{
    /// <summary>Environment variable: how many pages the per-page benchmarks use ("all", or a number; default 12).</summary>
    public const string PerPageVariable = "NEWSRULES_BENCH_PAGES";

    private const int DefaultPerPage = 12;

    private static readonly Lazy<PageSet> Instance = new(Discover);

    private readonly Dictionary<string, BenchPage> byName;
    private readonly Lazy<Dictionary<string, string>> ruleFiles;

    private PageSet(string source, List<BenchPage> pages, List<string> skipped)
    {
        Source = source;
        Pages = pages;
        Skipped = skipped;
        byName = pages.ToDictionary(p => p.Name, StringComparer.Ordinal);
        ruleFiles = new Lazy<Dictionary<string, string>>(IndexRuleFiles);
    }

    public static PageSet Current => Instance.Value;

    /// <summary>Where the pages came from, for the report.</summary>
    public string Source { get; }

    /// <summary>Every page, ordered by name.</summary>
    public IReadOnlyList<BenchPage> Pages { get; }

    /// <summary>Pages left out, with the reason.</summary>
    public IReadOnlyList<string> Skipped { get; }

    public BenchPage Get(string name) =>
        byName.TryGetValue(name, out var page)
            ? page
            : throw new InvalidOperationException($"The page '{name}' is not in the benchmark's page set ({Source}); the corpus changed between processes. Run the suite again.");

    /// <summary>
    /// The pages for the per-page benchmarks: all of them when there are few or when
    /// <c>NEWSRULES_BENCH_PAGES=all</c>; else that many (default 12) spread evenly over the
    /// pages sorted by size, so small, median and large pages are all represented.
    /// </summary>
    public IReadOnlyList<BenchPage> PerPage()
    {
        var wanted = Environment.GetEnvironmentVariable(PerPageVariable);
        int count;
        if (string.Equals(wanted, "all", StringComparison.OrdinalIgnoreCase))
        {
            count = Pages.Count;
        }
        else if (string.IsNullOrWhiteSpace(wanted))
        {
            count = DefaultPerPage;
        }
        else if (!int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)
        {
            throw new InvalidOperationException($"{PerPageVariable}='{wanted}' is not a page count; set it to a positive number or 'all'.");
        }

        if (count >= Pages.Count)
        {
            return Pages.OrderBy(p => p.Bytes).ToList();
        }

        var bySize = Pages.OrderBy(p => p.Bytes).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var picked = new List<BenchPage>();
        for (var i = 0; i < count; i++)
        {
            // The middle of each of `count` equal slices of the size-sorted list.
            picked.Add(bySize[(int)((i + 0.5) * bySize.Count / count)]);
        }

        return picked;
    }

    /// <summary>Loads the YAML rule of a compiled site at run time (interpreted).</summary>
    public InterpretedExtractor LoadRule(string site) =>
        ruleFiles.Value.TryGetValue(site, out var path)
            ? RuleLoader.LoadFile(path)
            : throw new InvalidOperationException($"No rule file under {Repository.RulesDirectory} declares site '{site}', yet NewsRules.Catalog has it; rebuild the benchmarks (dotnet build -c Release tests/NewsRules.Benchmarks).");

    private static PageSet Discover()
    {
        var mercury = Path.Combine(Repository.CorpusRoot, "mercury-dev");
        var cases = Path.Combine(mercury, "cases.jsonl");
        return File.Exists(cases) ? FromCorpus(mercury, cases) : FromSamples();
    }

    private static PageSet FromCorpus(string mercury, string casesPath)
    {
        var pages = new List<BenchPage>();
        var skipped = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        PageSet? set = null;
        foreach (var line in File.ReadLines(casesPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString() ?? "?";
            var page = json.RootElement.GetProperty("page").GetString();
            var url = json.RootElement.GetProperty("url").GetString();
            // Several cases may share one page: measure each page once, at its first case's URL.
            if (page is null || !seen.Add(page))
            {
                continue;
            }

            var path = Path.Combine(mercury, page);
            if (!File.Exists(path))
            {
                skipped.Add($"{id}: page {page} is missing");
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                skipped.Add($"{id}: '{url}' is not an absolute URL");
                continue;
            }

            var extractor = Sites.ForUrl(uri);
            if (extractor is null)
            {
                skipped.Add($"{id}: no compiled rule serves {uri.Host}{uri.AbsolutePath}");
                continue;
            }

            pages.Add(new BenchPage(Path.GetFileNameWithoutExtension(page), path, uri, extractor, site => set!.LoadRule(site)));
        }

        pages.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        set = new PageSet($"{mercury} ({pages.Count} pages with a rule)", pages, skipped);
        return set;
    }

    private static PageSet FromSamples()
    {
        var pages = new List<BenchPage>();
        var skipped = new List<string>();
        PageSet? set = null;
        var samples = Directory.EnumerateDirectories(Repository.RulesDirectory)
            .Where(d => Directory.Exists(Path.Combine(d, "samples")))
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(d, "samples"), "*.html"))
            .OrderBy(p => p, StringComparer.Ordinal);
        foreach (var path in samples)
        {
            var name = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))!) + "/" + Path.GetFileNameWithoutExtension(path);
            var url = UrlOf(path);
            if (url is null)
            {
                skipped.Add($"{name}: no canonical link, og:url or {Path.GetFileNameWithoutExtension(path)}.url beside it");
                continue;
            }

            var extractor = Sites.ForUrl(url);
            if (extractor is null)
            {
                skipped.Add($"{name}: no compiled rule serves {url}");
                continue;
            }

            pages.Add(new BenchPage(name, path, url, extractor, site => set!.LoadRule(site)));
        }

        set = new PageSet($"the repository's samples under {Repository.RulesDirectory} (the corpus is not at {Repository.CorpusRoot}; set NEWSRULES_CORPUS to use it)", pages, skipped);
        return set;
    }

    // A sample's URL as the snapshot tests take it: canonical link or og:url, else <name>.url beside it.
    private static Uri? UrlOf(string htmlPath)
    {
        if (PageAddress.Find(HtmlDocuments.Parse(File.ReadAllText(htmlPath))) is { } url)
        {
            return url;
        }

        var urlFile = Path.ChangeExtension(htmlPath, ".url");
        var line = File.Exists(urlFile) ? File.ReadLines(urlFile).FirstOrDefault(l => l.Trim().Length > 0)?.Trim() : null;
        return line is not null && Uri.TryCreate(line, UriKind.Absolute, out var fromFile) ? fromFile : null;
    }

    private static Dictionary<string, string> IndexRuleFiles()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in RuleLoader.FindRuleFiles(Repository.RulesDirectory))
        {
            index.TryAdd(RuleLoader.LoadFile(path).Site, path);
        }

        return index;
    }
}
