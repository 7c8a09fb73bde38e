using System;
using System.Collections.Generic;

namespace NewsRules.Engine;

/// <summary>Picks the extractor for a URL; used by the generated <c>Sites.ForUrl</c>.</summary>
public static class ExtractorRegistry
{
    /// <summary>
    /// The extractor whose domain matches the URL's host most specifically (the longest
    /// matching domain), among those whose <c>urls</c> patterns accept the path; null if none.
    /// Between extractors of the same length, the first in <paramref name="extractors"/>' order.
    /// A compiled catalog (<see cref="SiteCatalog"/>, the generated <c>Sites.All</c>) answers by
    /// its domain map, without a scan; any other collection is scanned.
    /// </summary>
    public static IArticleExtractor? Find(IEnumerable<IArticleExtractor> extractors, Uri url)
    {
        ArgumentNullException.ThrowIfNull(extractors);
        ArgumentNullException.ThrowIfNull(url);
        if (extractors is SiteCatalog catalog)
        {
            return catalog.Find(url);
        }

        IArticleExtractor? best = null;
        var bestLength = -1;
        foreach (var extractor in extractors)
        {
            var length = extractor.MatchLength(url);
            if (length > bestLength)
            {
                best = extractor;
                bestLength = length;
            }
        }

        return best;
    }

    /// <summary>As <see cref="Find(IEnumerable{IArticleExtractor}, Uri)"/>, for a URL string; null when it is not an absolute URL.</summary>
    public static IArticleExtractor? Find(IEnumerable<IArticleExtractor> extractors, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Find(extractors, uri) : null;
}
