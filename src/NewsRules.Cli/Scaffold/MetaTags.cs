using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>A value found in the page and the rule selector that reads it (<c>css</c> or <c>css@attr</c>).</summary>
internal sealed record Found(string Selector, string Value);

/// <summary>
/// The page's <c>&lt;meta&gt;</c> tags by name. Pages write them as <c>property</c>, <c>name</c>
/// or <c>itemprop</c> with a <c>content</c> (some saved pages, and Mercury's fixtures, use
/// <c>value</c>); the selector returned reads the tag exactly as this page writes it.
/// </summary>
internal static class MetaTags
{
    private static readonly string[] KeyAttributes = { "property", "name", "itemprop", "http-equiv" };
    private static readonly string[] ValueAttributes = { "content", "value" };

    /// <summary>The first meta tag, for the first of <paramref name="keys"/> that has a non-empty one.</summary>
    public static Found? Find(IDocument document, params string[] keys)
    {
        foreach (var key in keys)
        {
            foreach (var meta in SelectorNaming.All(document, "meta"))
            {
                foreach (var keyAttribute in KeyAttributes)
                {
                    if (!string.Equals(meta.GetAttribute(keyAttribute)?.Trim(), key, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    foreach (var valueAttribute in ValueAttributes)
                    {
                        var value = meta.GetAttribute(valueAttribute);
                        if (value is null)
                        {
                            continue;
                        }

                        var text = TextNormalizer.Normalize(value);
                        if (text.Length > 0)
                        {
                            var written = meta.GetAttribute(keyAttribute)!.Trim();
                            return new Found($"meta[{keyAttribute}={SelectorNaming.Quote(written)}]@{valueAttribute}", text);
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Every non-empty meta tag of the given names, in page order.</summary>
    public static List<Found> FindAll(IDocument document, params string[] keys)
    {
        var found = new List<Found>();
        foreach (var key in keys)
        {
            if (Find(document, key) is { } value)
            {
                found.Add(value);
            }
        }

        return found;
    }
}
