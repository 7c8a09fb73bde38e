using System;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace NewsRules.Html;

/// <summary>Makes image and link URLs absolute against the page URL and its <c>&lt;base href&gt;</c>.</summary>
public static class UrlResolver
{
    /// <summary>Attributes whose values are URLs, made absolute when a rule reads them.</summary>
    public static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "data-src", "data-original", "data-lazy-src", "data-url", "data-href", "poster", "action",
        "cite", "srcset", "data-srcset",
    };

    /// <summary>The base for relative URLs: the first <c>&lt;base href&gt;</c> resolved against the page URL, else the page URL.</summary>
    public static Uri BaseOf(IDocument document, Uri pageUrl)
    {
        var href = document.Head?.QuerySelector("base[href]")?.GetAttribute("href");
        if (!string.IsNullOrWhiteSpace(href) && Uri.TryCreate(pageUrl, href.Trim(), out var resolved) && IsWeb(resolved))
        {
            return resolved;
        }

        return pageUrl;
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

    /// <summary>The widest candidate of a <c>srcset</c> ("a.jpg 480w, b.jpg 1080w" gives b.jpg).</summary>
    public static string PickFromSrcset(string srcset)
    {
        string? best = null;
        var bestWidth = -1.0;
        foreach (var candidate in srcset.Split(','))
        {
            var parts = candidate.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var width = 0.0;
            if (parts.Length > 1 && parts[1].Length > 1)
            {
                var number = parts[1].Substring(0, parts[1].Length - 1);
                double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out width);
                if (parts[1].EndsWith('x'))
                {
                    width *= 1000;
                }
            }

            if (width > bestWidth)
            {
                best = parts[0];
                bestWidth = width;
            }
        }

        return best ?? srcset.Trim();
    }

    private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
}
