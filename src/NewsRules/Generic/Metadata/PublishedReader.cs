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
/// The article's publication date: JSON-LD, meta tags, <c>&lt;time&gt;</c> and microdata, the URL
/// and dates written in the text; a date written without an offset gets the page's own.
/// </summary>
internal static class PublishedReader
{
    private static readonly string[] DateMetaNames =
    {
        "article:published_time", "og:article:published_time", "article:published", "published_time", "og:published_time",
        "datePublished", "article.published", "publish-date", "publish_date", "publishdate", "pubdate", "parsely-pub-date",
        "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
        "citation_publication_date", "citation_date", "uploadDate", "dateCreated", "publication_date", "date_published", "publication-date", "pub_date", "og:pubdate", "date", "og:updated_time", "article:modified_time", "last-modified",
    };

    internal static void Read(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri url, PageMetadata result)
    {
        ReadPublished(scan, meta, ld, url, result);
        if (result.Published is { } published && published.Offset == TimeSpan.Zero)
        {
            result.Published = InPageOffset(published, OtherDateValues(scan, meta));
        }
    }

    /// <summary>Meta dates of the last change: written without an offset, their clock time is another moment's.</summary>
    private static readonly HashSet<string> ModifiedDateNames = new(StringComparer.Ordinal) { "og:updated_time", "article:modified_time", "last-modified" };

    /// <summary>
    /// The page's other date values: meta tags and date elements' attributes (those of the last
    /// change only when written with an offset: the same instant then still tells the offset).
    /// Dates written in the text are left out: beside the article's time they hold events'
    /// ("Konzert um 18:00").
    /// </summary>
    private static IEnumerable<(DateTimeOffset Value, bool Naive)> OtherDateValues(PageScan scan, MetaTags meta)
    {
        foreach (var name in DateMetaNames)
        {
            foreach (var value in meta.All(name))
            {
                if (DateParser.TryParse(value, Array.Empty<string>(), null, null, out var date, out var naive)
                    && !(naive && ModifiedDateNames.Contains(name)))
                {
                    yield return (date, naive);
                }
            }
        }

        foreach (var element in scan.Dates)
        {
            var modified = Hints.Names(element) is { } names
                && (names.Contains("updated", StringComparison.OrdinalIgnoreCase) || names.Contains("modified", StringComparison.OrdinalIgnoreCase));
            if ((element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.GetAttribute("title")) is { } value
                && DateParser.TryParse(value, Array.Empty<string>(), null, null, out var date, out var naive)
                && !(naive && modified))
            {
                yield return (date, naive);
            }
        }
    }

    /// <summary>
    /// A time given in UTC ("2022-05-04T02:41:00Z") in the offset the page itself shows it in,
    /// when another of its date values is the same instant written with an offset
    /// ("2022-05-03T22:41:00-04:00") or as local time without one ("2023-11-08 23:30:59" beside
    /// "2023-11-09T05:30:59Z"; "2021-11-05" beside "2021-11-04T23:00:00Z"). The instant is kept;
    /// the day a reader of the page sees is the one the output gives.
    /// </summary>
    internal static DateTimeOffset InPageOffset(DateTimeOffset utc, IEnumerable<(DateTimeOffset Value, bool Naive)> values)
    {
        foreach (var (other, naive) in values)
        {
            TimeSpan offset;
            if (!naive)
            {
                if (other.Offset == TimeSpan.Zero || other.UtcDateTime != utc.UtcDateTime)
                {
                    continue;
                }

                offset = other.Offset;
            }
            else
            {
                // Local clock time minus UTC: a whole number of quarter hours within the world's offsets.
                // A day without a time ("2021-11-05") says only which day it is there: it counts when
                // the UTC time falls on the day before, as a day's start east of Greenwich.
                offset = other.DateTime - utc.UtcDateTime;
                var dayOnly = other.TimeOfDay == TimeSpan.Zero;
                if (offset == TimeSpan.Zero || offset < TimeSpan.FromHours(dayOnly ? 0 : -12) || offset > TimeSpan.FromHours(14)
                    || offset.Ticks % TimeSpan.FromMinutes(15).Ticks != 0)
                {
                    continue;
                }
            }

            return utc.ToOffset(offset);
        }

        return utc;
    }

    private static void ReadPublished(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri url, PageMetadata result)
    {
        var zone = WrittenDateZone(result.Language);
        if (TryDate(ld?.DatePublished, out var fromLd))
        {
            result.Published = fromLd;
            MetadataReader.Source(result, "published", "JSON-LD datePublished");
            return;
        }

        foreach (var name in DateMetaNames)
        {
            foreach (var value in meta.All(name))
            {
                if (TryDate(value, out var fromMeta))
                {
                    result.Published = fromMeta;
                    MetadataReader.Source(result, "published", name);
                    return;
                }
            }
        }

        foreach (var element in scan.Dates)
        {
            var value = element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.GetAttribute("title") ?? HtmlText.Of(element);
            if (!TryDate(value, out var fromElement))
            {
                if (DateText.Find(HtmlText.Of(element), zone) is not { } written)
                {
                    continue;
                }

                fromElement = written;
            }

            result.Published = fromElement;
            if (element.LocalName != "meta")
            {
                result.DateElement = element;
            }

            MetadataReader.Source(result, "published", element.LocalName == "time" ? "<time datetime>" : "microdata");
            return;
        }

        if (DateText.FromUrl(url, zone) is { } fromUrl)
        {
            result.Published = fromUrl;
            MetadataReader.Source(result, "published", "URL");
            return;
        }

        foreach (var element in scan.DateTexts)
        {
            var text = HtmlText.Of(element);
            if (text.Length > 120 || TitleReader.IsInsideHidden(element))
            {
                continue;
            }

            if (DateText.Find(text, zone) is { } written)
            {
                result.Published = written;
                result.DateElement = element;
                MetadataReader.Source(result, "published", "byline text");
                return;
            }
        }

        // Last, a date written in a short line of the page ("Stand: 5. Februar 2020", "<small>04.02.2022 |
        // 13:10 Uhr</small>"), the first outside navigation, sidebars and comments.
        foreach (var element in scan.DatedLines)
        {
            var text = HtmlText.Of(element);
            if (text.Length > 100 || TitleReader.IsInsideHidden(element) || TitleReader.IsInsideFurniture(element) || AuthorReader.IsInsideComments(element))
            {
                continue;
            }

            if (DateText.Find(text, zone) is { } written)
            {
                result.Published = written;
                result.DateElement = element;
                MetadataReader.Source(result, "published", "text");
                return;
            }
        }
    }

    /// <summary>
    /// The zone a date written without one is read in: Japan's and Korea's (UTC+9, no daylight
    /// saving) on pages in Japanese or Korean, where a written day is meant there; UTC elsewhere,
    /// where the language does not tell the zone.
    /// </summary>
    internal static TimeSpan WrittenDateZone(string? language) =>
        language is { Length: >= 2 } && (language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) || language.StartsWith("ko", StringComparison.OrdinalIgnoreCase))
            && (language.Length == 2 || language[2] is '-' or '_')
            ? TimeSpan.FromHours(9)
            : TimeSpan.Zero;

    private static bool TryDate(string? value, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (DateParser.TryParse(value, Array.Empty<string>(), null, null, out date, out _))
        {
            return date.Year is >= 1990 and <= 2100;
        }

        if (DateText.Find(value) is { } written)
        {
            date = written;
            return true;
        }

        return false;
    }
}
