using System;
using System.Collections.Generic;
using System.Linq;
using NewsRules.Engine;
using NewsRules.Output;

namespace NewsRules.Testing;

/// <summary>Pins a sample page's full extracted output against its verified JSON.</summary>
public static class ArticleSnapshots
{
    /// <summary>The names <c>ignore</c> may hold: the output contract's fields, and <c>fields.Name</c> for a custom field.</summary>
    public static readonly IReadOnlyList<string> FieldNames = new[] { "site", "url", "title", "lead", "authors", "published", "image", "language", "captions", "body", "fields", "warnings" };

    /// <summary>
    /// Extracts <paramref name="page"/> with the extractor among <paramref name="extractors"/>
    /// that serves its URL and verifies its snapshot form (<see cref="SnapshotJson"/>: the output
    /// contract with the body once) against the page's snapshot. <paramref name="ignore"/> leaves
    /// fields out of the snapshot, e.g. <c>warnings</c> or a volatile <c>published</c> or <c>fields.Updated</c>.
    /// </summary>
    public static void Verify(SamplePage page, IEnumerable<IArticleExtractor> extractors, IEnumerable<string>? ignore = null)
    {
        var left = ignore?.ToList() ?? new List<string>();
        foreach (var name in left)
        {
            if (!FieldNames.Contains(name, StringComparer.Ordinal) && !(name.StartsWith("fields.", StringComparison.Ordinal) && name.Length > "fields.".Length))
            {
                throw new ArgumentException($"'{name}' is not a field of the article snapshot; leave out one of {string.Join(", ", FieldNames)}, or a custom field as fields.<Name>.", nameof(ignore));
            }
        }

        ArgumentNullException.ThrowIfNull(page);
        var document = page.Load();
        var url = page.UrlOf(document);
        var extractor = ExtractorRegistry.Find(extractors, url)
            ?? throw new InvalidOperationException($"Sample {page.Id}: no rule serves {url}; check the rule's domains and urls patterns.");
        Snapshot.Verify(SnapshotJson.FromArticleJson(ArticleJson.Serialize(extractor.Extract(document, url)), left), page.VerifiedPath);
    }
}
