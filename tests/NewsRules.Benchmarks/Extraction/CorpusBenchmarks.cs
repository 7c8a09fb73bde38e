using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using BenchmarkDotNet.Attributes;
using NewsRules.Benchmarks.Pages;
using NewsRules.Html;

namespace NewsRules.Benchmarks.Extraction;

/// <summary>
/// The same five measurements over every page at once: one operation is the whole page set,
/// so the time and the allocated bytes are totals (the report divides them by the page count).
/// </summary>
public class CorpusBenchmarks
{
    private BenchPage[] pages = null!;
    private string[] urls = null!;
    private IDocument[] parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        pages = PageSet.Current.Pages.ToArray();
        urls = pages.Select(p => p.Url.AbsoluteUri).ToArray();
        foreach (var page in pages)
        {
            PageChecks.Verify(page);
        }

        parsed = pages.Select(p => HtmlDocuments.Parse(p.Html)).ToArray();
    }

    [Benchmark(Baseline = true, Description = "Parse only")]
    public int ParseOnly()
    {
        var nodes = 0;
        foreach (var page in pages)
        {
            nodes += HtmlDocuments.Parse(page.Html).ChildNodes.Length;
        }

        return nodes;
    }

    [Benchmark(Description = "Parse + generated")]
    public int ParseAndGenerated()
    {
        var blocks = 0;
        foreach (var page in pages)
        {
            blocks += page.Generated.Extract(page.Html, page.Url).Body.Count;
        }

        return blocks;
    }

    [Benchmark(Description = "Parse + interpreted")]
    public int ParseAndInterpreted()
    {
        var blocks = 0;
        foreach (var page in pages)
        {
            blocks += page.Interpreted.Extract(page.Html, page.Url).Body.Count;
        }

        return blocks;
    }

    [Benchmark(Description = "SmartReader")]
    public int SmartReader()
    {
        var length = 0;
        for (var i = 0; i < pages.Length; i++)
        {
            length += global::SmartReader.Reader.ParseArticle(urls[i], text: pages[i].Html).Length;
        }

        return length;
    }

    [Benchmark(Description = "Extract only (parsed)")]
    public int ExtractOnly()
    {
        var blocks = 0;
        for (var i = 0; i < pages.Length; i++)
        {
            blocks += pages[i].Generated.Extract(parsed[i], pages[i].Url).Body.Count;
        }

        return blocks;
    }

    /// <summary>How many pages one operation covers.</summary>
    public static int PageCount => PageSet.Current.Pages.Count;
}
