using System;
using System.Collections.Generic;
using NewsRules.Engine;
using NewsRules.Output;

namespace NewsRules.Testing;

/// <summary>Pins a sample page's full extracted output against its verified JSON.</summary>
public static class ArticleSnapshots
{
    /// <summary>
    /// Extracts <paramref name="page"/> with the extractor among <paramref name="extractors"/>
    /// that serves its URL and verifies the JSON output contract against the page's snapshot.
    /// </summary>
    public static void Verify(SamplePage page, IEnumerable<IArticleExtractor> extractors)
    {
        ArgumentNullException.ThrowIfNull(page);
        var document = page.Load();
        var url = page.UrlOf(document);
        var extractor = ExtractorRegistry.Find(extractors, url)
            ?? throw new InvalidOperationException($"Sample {page.Id}: no rule serves {url}; check the rule's domains and urls patterns.");
        Snapshot.Verify(ArticleJson.Serialize(extractor.Extract(document, url)), page.VerifiedPath);
    }
}
