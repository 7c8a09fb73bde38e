using System;
using System.Collections;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace NewsRules.Engine;

/// <summary>
/// The extractors of a compiled catalog (the generated <c>Sites.All</c>), each built on first
/// use, and the pick of the extractor for a URL by a map from domain to rules: the URL's host is
/// looked up, then each parent of it (<c>a.b.example.com</c>, <c>b.example.com</c>,
/// <c>example.com</c>, <c>com</c>), so that the cost of a pick does not grow with the number of
/// rules. The pick is <see cref="ExtractorRegistry.Find(IEnumerable{IArticleExtractor}, Uri)"/>'s:
/// the longest matching domain among the rules whose <c>urls</c> accept the path; between rules
/// of the same domain, the first in catalog order. Thread-safe.
/// </summary>
public sealed class SiteCatalog : IReadOnlyList<IArticleExtractor>
{
    private readonly Func<IArticleExtractor>[] extractors;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> byDomain;

    /// <summary>
    /// A catalog of <paramref name="sites"/>, in the order <see cref="this[int]"/> and the
    /// enumerator give them (the generated code orders them by site name).
    /// </summary>
    public SiteCatalog(IReadOnlyList<Entry> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        extractors = new Func<IArticleExtractor>[sites.Count];
        var domains = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < sites.Count; i++)
        {
            var site = sites[i];
            extractors[i] = site.Extractor ?? throw new ArgumentException($"Site {i} has no extractor.", nameof(sites));
            foreach (var domain in site.Domains ?? throw new ArgumentException($"Site {i} has no domain list.", nameof(sites)))
            {
                if (!domains.TryGetValue(domain, out var list))
                {
                    domains.Add(domain, list = new List<int>(1));
                }

                // A domain listed twice by one rule makes it a candidate once.
                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        var map = new Dictionary<string, int[]>(domains.Count, StringComparer.Ordinal);
        foreach (var (domain, list) in domains)
        {
            map.Add(domain, list.ToArray());
        }

        byDomain = map.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>One rule of the catalog: the domains it serves (as its <see cref="IArticleExtractor.Domains"/>) and how to get its shared extractor.</summary>
    /// <param name="Domains">The rule's domains, exactly as its extractor reports them.</param>
    /// <param name="Extractor">Gives the rule's shared extractor, building it on the first call.</param>
    public readonly record struct Entry(IReadOnlyList<string> Domains, Func<IArticleExtractor> Extractor);

    /// <summary>The number of rules.</summary>
    public int Count => extractors.Length;

    /// <summary>The extractor of rule <paramref name="index"/> (built on first use).</summary>
    public IArticleExtractor this[int index] => extractors[index]();

    /// <summary>
    /// The extractor whose domain matches the URL's host most specifically and whose <c>urls</c>
    /// accept its path; null when none does. Only the rules of the host's domains are built.
    /// </summary>
    public IArticleExtractor? Find(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return null;
        }

        // The host as SiteRule.MatchLength reads it.
        ReadOnlySpan<char> suffix = url.IdnHost.TrimEnd('.').ToLowerInvariant();
        while (true)
        {
            if (byDomain.TryGetValue(suffix, out var candidates))
            {
                // A candidate that accepts the URL matches with this suffix's length (a longer
                // domain of its own would have been found at a longer suffix), the longest left.
                foreach (var index in candidates)
                {
                    var extractor = this[index];
                    if (extractor.MatchLength(url) >= 0)
                    {
                        return extractor;
                    }
                }
            }

            var dot = suffix.IndexOf('.');
            if (dot < 0)
            {
                return null;
            }

            suffix = suffix[(dot + 1)..];
        }
    }

    /// <summary>As <see cref="Find(Uri)"/>, for a URL string; null when it is not an absolute URL.</summary>
    public IArticleExtractor? Find(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Find(uri) : null;

    /// <summary>Every extractor, in catalog order (building each on first use).</summary>
    public IEnumerator<IArticleExtractor> GetEnumerator()
    {
        for (var i = 0; i < extractors.Length; i++)
        {
            yield return extractors[i]();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
