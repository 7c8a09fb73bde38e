using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Dates;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// The publication date: the article:published_time meta tag, microdata datePublished, the
/// JSON-LD datePublished, a <c>time[datetime]</c> in the page, or another date meta tag; the
/// first that parses wins, sources that agree with it follow as alternatives.
/// </summary>
internal static class DateFinder
{
    private static readonly string[] PublishedMeta = { "article:published_time", "og:article:published_time", "og:published_time", "datePublished" };

    private static readonly string[] OtherMeta =
    {
        "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
        "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
    };

    private sealed record Candidate(string Selector, DateTimeOffset Value, bool HasOffset, string Kind, double Base, string? Pattern = null);

    public static FieldGuess? Find(IDocument document, TextStatistics statistics, JsonLd jsonLd)
    {
        var candidates = new List<Candidate>();
        foreach (var meta in MetaTags.FindAll(document, PublishedMeta))
        {
            Add(candidates, meta.Selector, meta.Value, "the article:published_time meta tag", 0.85);
        }

        foreach (var (css, attribute) in new[] { ("[itemprop=\"datePublished\"]", "content"), ("[itemprop=\"datePublished\"]", "datetime") })
        {
            if (Guessing.FirstNonEmpty(document, css, attribute) is { } element)
            {
                Add(candidates, $"{css}@{attribute}", element.GetAttribute(attribute)!, "microdata datePublished", 0.8);
            }
        }

        if (jsonLd.DatePublished is { } ld)
        {
            Add(candidates, JsonLd.ScriptSelector, ld, "JSON-LD datePublished", 0.75, JsonLd.DatePublishedPattern);
        }

        var time = SelectorNaming.All(document, "time[datetime]").FirstOrDefault(t => Parse(t.GetAttribute("datetime")) is not null);
        if (time is not null && Guessing.NameFirst(document, time, statistics, "datetime") is { } timeSelector)
        {
            Add(candidates, $"{timeSelector}@datetime", time.GetAttribute("datetime")!, "a <time datetime> in the page", 0.65);
        }

        foreach (var meta in MetaTags.FindAll(document, OtherMeta))
        {
            Add(candidates, meta.Selector, meta.Value, "a date meta tag", 0.6);
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var best = candidates[0];
        var agreeing = candidates.Skip(1).Where(c => Math.Abs((c.Value - best.Value).TotalHours) <= 24).ToList();
        var confidence = best.Base + (agreeing.Count > 0 ? 0.1 : 0) - (best.HasOffset ? 0 : 0.25);
        var evidence = best.Kind + (agreeing.Count > 0 ? $", confirmed by {agreeing[0].Kind}" : string.Empty)
            + (best.HasOffset ? string.Empty : "; the value has no UTC offset: add 'timezone:' (IANA id) to the rule");

        if (best.Pattern is not null)
        {
            // A pattern applies to every alternative, so JSON-LD stands alone.
            return FieldGuess.Of("published", new[] { best.Selector }, confidence, evidence, best.Pattern);
        }

        var alternatives = new List<string> { best.Selector };
        alternatives.AddRange(agreeing.Where(c => c.Pattern is null).Select(c => c.Selector).Take(2));
        return FieldGuess.Of("published", alternatives, confidence, evidence);
    }

    private static void Add(List<Candidate> candidates, string selector, string value, string kind, double confidence, string? pattern = null)
    {
        if (candidates.Any(c => c.Selector == selector) || Parse(value) is not { } parsed)
        {
            return;
        }

        candidates.Add(new Candidate(selector, parsed.Value, parsed.HasOffset, kind, confidence, pattern));
    }

    private static (DateTimeOffset Value, bool HasOffset)? Parse(string? value) =>
        DateParser.TryParse(value, Array.Empty<string>(), null, null, out var result, out var assumedUtc)
            ? (result, !assumedUtc)
            : null;
}
