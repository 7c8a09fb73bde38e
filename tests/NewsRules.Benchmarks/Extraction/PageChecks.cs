using System;
using NewsRules.Benchmarks.Pages;
using NewsRules.Output;

namespace NewsRules.Benchmarks.Extraction;

/// <summary>
/// Checks, before any timing, that what is timed is real work: the compiled and the
/// interpreted rule give the same article for the page, and that article has a title or text.
/// A benchmark of an extractor that silently found nothing would flatter it.
/// </summary>
internal static class PageChecks
{
    public static void Verify(BenchPage page)
    {
        var generated = page.Generated.Extract(page.Html, page.Url);
        var interpreted = page.Interpreted.Extract(page.Html, page.Url);
        var fromGenerated = ArticleJson.Serialize(generated);
        var fromInterpreted = ArticleJson.Serialize(interpreted);
        if (!string.Equals(fromGenerated, fromInterpreted, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{page.Name}: the compiled rule '{page.Generated.Site}' and the same rule loaded from YAML give different articles, " +
                $"so comparing their speed means nothing. Run `dotnet run --project src/NewsRules.Cli -- extract {page.Path} --url {page.Url}` " +
                "with and without --rule to see the difference, and fix the engine (tests/NewsRules.Rules.Tests/InterpretedVsGeneratedTests covers the samples).");
        }

        if (string.IsNullOrEmpty(generated.Title) && generated.Text.Length == 0)
        {
            throw new InvalidOperationException(
                $"{page.Name}: the rule '{page.Generated.Site}' extracts neither a title nor body text from this page; " +
                "fix the rule (newsrules conformance shows what it misses) before benchmarking it.");
        }
    }
}
