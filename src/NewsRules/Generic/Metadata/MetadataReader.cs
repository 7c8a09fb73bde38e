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
/// The article's metadata from what pages publish about themselves, most reliable first:
/// JSON-LD (schema.org), OpenGraph and standard meta tags, <c>&lt;time datetime&gt;</c> and
/// microdata, the visible <c>&lt;h1&gt;</c> and bylines, and last the URL and written dates.
/// </summary>
internal static class MetadataReader
{
    public static PageMetadata Read(IDocument document, Uri url, Uri baseUrl) => Read(document, url, baseUrl, PageScan.Of(document));

    /// <summary>As <see cref="Read(IDocument, Uri, Uri)"/> from a scan of the page already made.</summary>
    public static PageMetadata Read(IDocument document, Uri url, Uri baseUrl, PageScan scan)
    {
        var meta = new MetaTags(scan.Metas);
        var ld = JsonLd.Read(scan.Scripts);
        var result = new PageMetadata
        {
            ArticleBody = ld?.ArticleBody,
            SiteName = meta.First("og:site_name", "application-name")?.Value ?? ld?.SiteName,
        };

        var lang = document.DocumentElement?.GetAttribute("lang")?.Trim();
        result.Language = !string.IsNullOrEmpty(lang)
            ? lang
            : meta.First("og:locale", "content-language", "dc.language", "language")?.Value.Replace('_', '-') ?? ld?.Language;

        TitleReader.Read(scan, meta, ld, url, result);
        AuthorReader.Read(scan, meta, ld, url, result);
        PublishedReader.Read(scan, meta, ld, url, result);
        ImageReader.Read(scan, meta, ld, baseUrl, result);

        var description = meta.First("og:description", "description", "twitter:description", "dc.description");
        result.Lead = description?.Value ?? ld?.Description;
        Source(result, "lead", description?.Name ?? (ld?.Description is null ? null : "JSON-LD description"));
        return result;
    }

    internal static void Source(PageMetadata result, string field, string? source)
    {
        if (source is not null)
        {
            result.Sources[field] = source;
        }
    }
}
