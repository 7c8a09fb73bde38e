using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using BenchmarkDotNet.Attributes;
using NewsRules.Benchmarks.Pages;
using NewsRules.Html;

namespace NewsRules.Benchmarks.Extraction;

/// <summary>
/// Per page, in one run: parsing alone (the floor, and the baseline of every ratio), parse +
/// the compiled extractor, parse + the same rule loaded from YAML, SmartReader on the same
/// text, and the compiled extractor on an already parsed document (extraction alone).
/// </summary>
public class PageBenchmarks
{
    private BenchPage page = null!;
    private IDocument parsed = null!;
    private string url = null!;

    /// <summary>The per-page subset (see <see cref="PageSet.PerPage"/>).</summary>
    public static IEnumerable<PageCase> Pages() =>
        PageSet.Current.PerPage().Select(p => new PageCase(p.Name, p.Bytes));

    [ParamsSource(nameof(Pages))]
    public PageCase Page { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        page = PageSet.Current.Get(Page.Name);
        url = page.Url.AbsoluteUri;
        PageChecks.Verify(page);
        parsed = HtmlDocuments.Parse(page.Html);
    }

    [Benchmark(Baseline = true, Description = "Parse only")]
    public IDocument ParseOnly() => HtmlDocuments.Parse(page.Html);

    [Benchmark(Description = "Parse + generated")]
    public Article ParseAndGenerated() => page.Generated.Extract(page.Html, page.Url);

    [Benchmark(Description = "Parse + interpreted")]
    public Article ParseAndInterpreted() => page.Interpreted.Extract(page.Html, page.Url);

    [Benchmark(Description = "SmartReader")]
    public SmartReader.Article SmartReader() => global::SmartReader.Reader.ParseArticle(url, text: page.Html);

    [Benchmark(Description = "Extract only (parsed)")]
    public Article ExtractOnly() => page.Generated.Extract(parsed, page.Url);
}
