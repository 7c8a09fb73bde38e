using System;
using System.IO;
using System.Text;
using AngleSharp.Dom;
using BenchmarkDotNet.Attributes;
using NewsRules.Benchmarks.Pages;
using NewsRules.Html;

namespace NewsRules.Benchmarks.Extraction;

/// <summary>
/// Memory against input size (issue 6): the RT Arabic sample, as saved and repeated 10 and 100
/// times (one document holding every copy, as in the linearity tests), parsed alone and parsed
/// and extracted. The memory diagnoser's "Allocated" divided by the input's size (in the case
/// name) is the multiple reported in docs/reliability.md; the time ratio between the scales
/// shows that the cost grows linearly.
/// </summary>
public class InputSizeBenchmarks
{
    private string html = null!;
    private Uri url = null!;

    [Params(1, 10, 100)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sample = File.ReadAllText(Path.Combine(Repository.RulesDirectory, "arabic.rt.com", "samples", "lavrov-mali.html"), Encoding.UTF8);
        html = new StringBuilder(sample.Length * Copies).Insert(0, sample, Copies).ToString();
        url = new Uri("https://arabic.rt.com/world/1355930-lavrov-mali/");
        Console.WriteLine($"// input: {Copies} cop{(Copies == 1 ? "y" : "ies")}, {Encoding.UTF8.GetByteCount(html):N0} bytes of UTF-8, {html.Length:N0} chars");
        var article = NewsRules.Catalog.Sites.RtArabic.Extract(html, url);
        if (string.IsNullOrEmpty(article.Title) || article.Body.Count == 0)
        {
            throw new InvalidOperationException($"The RT rule found no article in {Copies} copies of its sample; the benchmark would measure nothing.");
        }
    }

    [Benchmark(Baseline = true, Description = "Parse only")]
    public IDocument ParseOnly() => HtmlDocuments.Parse(html);

    [Benchmark(Description = "Parse + generated")]
    public Article ParseAndExtract() => NewsRules.Catalog.Sites.RtArabic.Extract(html, url);
}
