using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Dates;
using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Generic;

/// <summary>
/// The article's image: og:image and its kin, the JSON-LD image, <c>link rel=image_src</c>.
/// </summary>
internal static class ImageReader
{
    internal static void Read(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri baseUrl, PageMetadata result)
    {
        var fromMeta = meta.First("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnail");
        var candidates = new List<(string? Value, string Source)>
        {
            (fromMeta?.Value, fromMeta?.Name ?? "og:image"),
            (ld?.Image, "JSON-LD image"),
            (scan.ImageLink?.GetAttribute("href"), "link rel=image_src"),
        };
        foreach (var (value, source) in candidates)
        {
            if (value is not null && UrlResolver.Absolute(baseUrl, value) is { } absolute)
            {
                result.Image = absolute;
                MetadataReader.Source(result, "image", source);
                return;
            }
        }
    }
}
