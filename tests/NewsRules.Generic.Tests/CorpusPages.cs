using System.Text.Json;
using AngleSharp.Dom;
using NewsRules.Html;

namespace NewsRules.Generic.Tests;

/// <summary>The trafilatura-eval pages (../shared/corpus), each parsed as the engine parses it, with its path.</summary>
internal static class CorpusPages
{
    public static IEnumerable<(string Path, IDocument Document)> TrafilaturaEval()
    {
        var folder = Corpus.Path("trafilatura-eval");
        foreach (var line in File.ReadLines(System.IO.Path.Combine(folder, "cases.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var path = System.IO.Path.Combine(folder, json.RootElement.GetProperty("page").GetString()!);
            if (!File.Exists(path))
            {
                continue;
            }

            using var stream = File.OpenRead(path);
            yield return (path, HtmlDocuments.Parse(stream));
        }
    }
}
