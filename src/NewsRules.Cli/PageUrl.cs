using System;
using AngleSharp.Dom;

namespace NewsRules.Cli;

/// <summary>A saved page's own address: its canonical link, else its og:url.</summary>
internal static class PageUrl
{
    public static Uri? Find(IDocument document)
    {
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
