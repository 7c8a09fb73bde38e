using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NewsRules.Benchmarks.Pages;
using NewsRules.Generic;
using NewsRules.Html;

namespace NewsRules.Benchmarks.Fallback;

/// <summary>
/// The generic fallback beside SmartReader on the same pages (issue 9: at least 5 × faster per
/// page): every tenth page of trafilatura's evaluation set (../shared/corpus/trafilatura-eval),
/// each decoded once to text as its charset says, then parsed and extracted by both from that
/// text. One operation is the whole sample, so divide time and allocations by
/// <see cref="PageCount"/>; SmartReader is the baseline, so the generic row's ratio is its share
/// of SmartReader's time (≤ 0.20 meets the target). Parsing alone, which both pay (SmartReader
/// parses with AngleSharp too), is the floor.
/// </summary>
public class FallbackBenchmarks
{
    /// <summary>Every how many pages of cases.jsonl one is taken.</summary>
    public const int Stride = 10;

    private (string Html, Uri Url)[] pages = Array.Empty<(string, Uri)>();

    /// <summary>The pages one operation covers.</summary>
    public static int PageCount => Load().Length;

    [GlobalSetup]
    public void Setup()
    {
        pages = Load();
        if (pages.Length == 0)
        {
            throw new InvalidOperationException($"No page of trafilatura-eval under {Repository.CorpusRoot}: the fallback benchmark needs the corpus (set NEWSRULES_CORPUS to its folder).");
        }
    }

    [Benchmark(Baseline = true, Description = "SmartReader")]
    public int SmartReader()
    {
        var length = 0;
        foreach (var (html, url) in pages)
        {
            length += global::SmartReader.Reader.ParseArticle(url.AbsoluteUri, text: html).Length;
        }

        return length;
    }

    [Benchmark(Description = "Parse only (AngleSharp)")]
    public int ParseOnly()
    {
        var nodes = 0;
        foreach (var (html, _) in pages)
        {
            nodes += HtmlDocuments.Parse(html).ChildNodes.Length;
        }

        return nodes;
    }

    [Benchmark(Description = "Generic fallback (parse + extract)")]
    public int Generic()
    {
        var blocks = 0;
        foreach (var (html, url) in pages)
        {
            blocks += GenericExtractor.Instance.Extract(html, url).Body.Count;
        }

        return blocks;
    }

    private static (string Html, Uri Url)[] Load()
    {
        var folder = Path.Combine(Repository.CorpusRoot, "trafilatura-eval");
        var cases = Path.Combine(folder, "cases.jsonl");
        if (!File.Exists(cases))
        {
            return Array.Empty<(string, Uri)>();
        }

        var result = new List<(string, Uri)>();
        var index = 0;
        foreach (var line in File.ReadLines(cases))
        {
            if (string.IsNullOrWhiteSpace(line) || index++ % Stride != 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var page = Path.Combine(folder, json.RootElement.GetProperty("page").GetString()!);
            var url = new Uri(json.RootElement.GetProperty("url").GetString()!);
            if (!File.Exists(page))
            {
                continue;
            }

            // Decoded once (BOM or declared charset), so both extractors start from the same text.
            using var stream = File.OpenRead(page);
            var document = HtmlDocuments.Parse(stream);
            result.Add((document.DocumentElement.OuterHtml, url));
        }

        return result.ToArray();
    }
}
