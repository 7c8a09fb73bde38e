using System;
using AngleSharp.Dom;

namespace NewsRules.Html;

/// <summary>A saved page's own address, as the page states it.</summary>
public static class PageAddress
{
    /// <summary>The page's canonical link, else its <c>og:url</c>; null when neither is an absolute http(s) URL.</summary>
    public static Uri? Find(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var (selector, attribute) in new[] { ("link[rel~='canonical'][href]", "href"), ("meta[property='og:url'][content]", "content") })
        {
            var value = document.QuerySelector(selector)?.GetAttribute(attribute)?.Trim();
            if (!string.IsNullOrEmpty(value)
                && Uri.TryCreate(value, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }
        }

        return null;
    }
}
