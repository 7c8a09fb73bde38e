using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace NewsRules.Html;

/// <summary>Makes image and link URLs absolute against the page URL and its <c>&lt;base href&gt;</c>.</summary>
internal static class UrlResolver
{
    /// <summary>Attributes whose values are URLs, made absolute when a rule reads them.</summary>
    public static readonly FrozenSet<string> UrlAttributes = new[]
    {
        "href", "src", "data-src", "data-original", "data-lazy-src", "data-url", "data-href", "poster", "action",
        "cite", "srcset", "data-srcset",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The base for relative URLs: the first <c>&lt;base href&gt;</c> resolved against the page URL, else the page URL.</summary>
    public static Uri BaseOf(IDocument document, Uri pageUrl)
    {
        var href = FirstBase(document.Head)?.GetAttribute("href");
        if (!string.IsNullOrWhiteSpace(href) && Uri.TryCreate(pageUrl, href.Trim(), out var resolved) && IsWeb(resolved))
        {
            return resolved;
        }

        return pageUrl;
    }

    // QuerySelector("base[href]") parsed the selector again for every page; the same selector,
    // parsed once, tested on the head's elements in document order finds the same element.
    private static readonly AngleSharp.Css.Dom.ISelector BaseHref =
        new AngleSharp.Css.Parser.CssSelectorParser().ParseSelector("base[href]")!;

    // The first descendant that matches, in document order (the head is small and shallow:
    // recursion, without the iterator and stack a general walk allocates).
    private static IElement? FirstBase(INode? parent)
    {
        if (parent is null)
        {
            return null;
        }

        var children = parent.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is not IElement element)
            {
                continue;
            }

            if (BaseHref.Match(element, null))
            {
                return element;
            }

            if (element.ChildNodes.Length > 0 && FirstBase(element) is { } below)
            {
                return below;
            }
        }

        return null;
    }

    /// <summary>An absolute http(s) URL for <paramref name="value"/>, or null when it is not one.</summary>
    public static string? Absolute(Uri baseUrl, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Uri.TryCreate(baseUrl, trimmed, out var uri) && IsWeb(uri) ? uri.AbsoluteUri : null;
    }

    /// <summary>
    /// The widest candidate of a <c>srcset</c> ("a.jpg 480w, b.jpg 1080w" gives b.jpg). Parsed as
    /// the HTML standard does: a candidate's URL runs to the next whitespace, so URLs with commas
    /// in them (image CDNs write "w_480,c_fill") stay whole; a density ("2x") counts as 1000 times
    /// a width, a candidate without a descriptor as 0.
    /// </summary>
    public static string PickFromSrcset(string srcset)
    {
        string? best = null;
        var bestWidth = -1.0;
        var i = 0;
        while (i < srcset.Length)
        {
            while (i < srcset.Length && (char.IsWhiteSpace(srcset[i]) || srcset[i] == ','))
            {
                i++;
            }

            var urlStart = i;
            while (i < srcset.Length && !char.IsWhiteSpace(srcset[i]))
            {
                i++;
            }

            var candidate = srcset.Substring(urlStart, i - urlStart);
            var descriptors = string.Empty;
            if (candidate.EndsWith(','))
            {
                // "a.jpg, b.jpg 2x": a URL followed directly by a comma has no descriptors.
                candidate = candidate.TrimEnd(',');
            }
            else
            {
                var descriptorStart = i;
                var depth = 0;
                while (i < srcset.Length && (srcset[i] != ',' || depth > 0))
                {
                    depth += srcset[i] == '(' ? 1 : srcset[i] == ')' && depth > 0 ? -1 : 0;
                    i++;
                }

                descriptors = srcset.Substring(descriptorStart, i - descriptorStart);
            }

            if (candidate.Length == 0)
            {
                continue;
            }

            var width = DescriptorWidth(descriptors);
            if (width > bestWidth)
            {
                best = candidate;
                bestWidth = width;
            }
        }

        return best ?? srcset.Trim();
    }

    private static double DescriptorWidth(string descriptors)
    {
        foreach (var descriptor in descriptors.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var unit = char.ToLowerInvariant(descriptor[^1]);
            if (descriptor.Length > 1
                && (unit == 'w' || unit == 'x')
                && double.TryParse(descriptor.AsSpan(0, descriptor.Length - 1), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return unit == 'x' ? number * 1000 : number;
            }
        }

        return 0;
    }

    private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
}
