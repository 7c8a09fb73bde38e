using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Html;

/// <summary>
/// The page's <c>&lt;meta&gt;</c> tags by name: <c>name</c>, <c>property</c> and <c>itemprop</c>
/// all count, compared case-insensitively; the first non-empty content of each name wins. A tag
/// without <c>content</c> is read from <c>value</c>, as pages saved by Mercury Parser's fixture
/// suite (and some tools built on it) store it.
/// </summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> all = new(StringComparer.OrdinalIgnoreCase);

    public MetaTags(IDocument document)
        : this(document.QuerySelectorAll("meta[content], meta[value]"))
    {
    }

    /// <summary>From the page's <c>meta[content]</c> (or <c>meta[value]</c>) elements, in document order.</summary>
    public MetaTags(IEnumerable<IElement> metas)
    {
        foreach (var meta in metas)
        {
            var content = meta.GetAttribute("content") ?? meta.GetAttribute("value");
            if (content is null)
            {
                continue;
            }

            var value = TextNormalizer.Normalize(content);
            if (value.Length == 0)
            {
                continue;
            }

            foreach (var attribute in new[] { "property", "name", "itemprop", "http-equiv" })
            {
                var key = meta.GetAttribute(attribute)?.Trim();
                if (string.IsNullOrEmpty(key))
                {
                    continue;
                }

                values.TryAdd(key, value);
                if (!all.TryGetValue(key, out var list))
                {
                    all[key] = list = new List<string>();
                }

                list.Add(value);
            }
        }
    }

    /// <summary>The first of <paramref name="names"/> that the page sets, with the name that gave it.</summary>
    public (string Value, string Name)? First(params string[] names)
    {
        foreach (var name in names)
        {
            if (values.TryGetValue(name, out var value))
            {
                return (value, name);
            }
        }

        return null;
    }

    /// <summary>Every value of one name, in page order.</summary>
    public IReadOnlyList<string> All(string name) => all.TryGetValue(name, out var list) ? list : Array.Empty<string>();
}
