using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NewsRules.Engine;
using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Cli.Conformance;

/// <summary>The outcome of one asserted field of one case.</summary>
internal sealed record FieldResult(string Field, bool Passed, string? Expected, string? Actual);

/// <summary>The outcome of one case: its field results, or the error that stopped it.</summary>
internal sealed record CaseResult(ConformanceCase Case, string? Site, IReadOnlyList<FieldResult> Fields, string? Error)
{
    /// <summary>The article the extractor gave, when it gave one.</summary>
    public Article? Article { get; init; }
}

/// <summary>
/// Runs rules over a corpus in the Mercury conformance format and compares every asserted
/// field: title, author and dek equal after whitespace normalization; date_published the same
/// instant; lead_image_url the same absolute URL; content_first_words the first N words of
/// the body text with captions inline where they stand.
/// </summary>
internal static class ConformanceRunner
{
    public static List<CaseResult> Run(string corpusDirectory, IReadOnlyList<IArticleExtractor> extractors, Func<string, bool>? filter = null)
    {
        var results = new List<CaseResult>();
        foreach (var item in ConformanceCase.ReadAll(corpusDirectory))
        {
            if (filter is not null && !filter(item.Id))
            {
                continue;
            }

            results.Add(RunCase(corpusDirectory, item, extractors));
        }

        return results;
    }

    private static CaseResult RunCase(string corpusDirectory, ConformanceCase item, IReadOnlyList<IArticleExtractor> extractors)
    {
        if (item.Expected.Count == 0)
        {
            return new CaseResult(item, null, Array.Empty<FieldResult>(), null);
        }

        if (!Uri.TryCreate(item.Url, UriKind.Absolute, out var url))
        {
            return new CaseResult(item, null, Array.Empty<FieldResult>(), $"'{item.Url}' is not an absolute URL");
        }

        var extractor = ExtractorRegistry.Find(extractors, url);
        if (extractor is null)
        {
            return new CaseResult(item, null, Array.Empty<FieldResult>(), $"no rule for {url.Host}");
        }

        var pagePath = Path.Combine(corpusDirectory, item.Page);
        if (!File.Exists(pagePath))
        {
            return new CaseResult(item, extractor.Site, Array.Empty<FieldResult>(), $"page {item.Page} is missing");
        }

        Article article;
        try
        {
            // The format says pages are stored as UTF-8, whatever charset they still declare
            // (a saved Shift_JIS page keeps its meta tag): read them as text, not as bytes.
            article = extractor.Extract(HtmlDocuments.Parse(File.ReadAllText(pagePath, System.Text.Encoding.UTF8)), url);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new CaseResult(item, extractor.Site, Array.Empty<FieldResult>(), $"{ex.GetType().Name}: {ex.Message}");
        }

        var fields = new List<FieldResult>();
        foreach (var field in ConformanceCase.Fields)
        {
            if (item.Expected.TryGetValue(field, out var expected))
            {
                fields.Add(Compare(field, expected, article, item.ContentWords));
            }
        }

        return new CaseResult(item, extractor.Site, fields, null) { Article = article };
    }

    internal static FieldResult Compare(string field, string? expected, Article article, int? contentWords)
    {
        switch (field)
        {
            case "title":
                return Text(field, expected, article.Title);
            case "dek":
                return Text(field, expected, article.Lead);
            case "author":
                return Author(expected, article.Authors);
            case "date_published":
                return Date(expected, article.Published);
            case "lead_image_url":
                return Image(expected, article.Image);
            case "content_first_words":
                return FirstWords(expected, article, contentWords);
            default:
                return new FieldResult(field, false, expected, "(field not supported)");
        }
    }

    private static FieldResult Text(string field, string? expected, string? actual)
    {
        var e = Normalize(expected);
        var a = Normalize(actual);
        return new FieldResult(field, e == a, e, a);
    }

    /// <summary>One expected string against our list: the authors joined as a byline would join them.</summary>
    private static FieldResult Author(string? expected, IReadOnlyList<string> authors)
    {
        var e = Normalize(expected);
        if (authors.Count == 0)
        {
            return new FieldResult("author", e is null, e, null);
        }

        var joins = new[] { ", ", " and ", " & ", "; ", " " }.Select(separator => string.Join(separator, authors)).ToList();
        if (authors.Count > 1)
        {
            joins.Add(string.Join(", ", authors.Take(authors.Count - 1)) + " and " + authors[^1]);
        }

        var match = joins.FirstOrDefault(j => Normalize(j) == e);
        return new FieldResult("author", match is not null, e, Normalize(match ?? joins[0]));
    }

    private static FieldResult Date(string? expected, DateTimeOffset? actual)
    {
        var a = actual?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        if (expected is null)
        {
            return new FieldResult("date_published", actual is null, null, a);
        }

        var parsed = DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e);
        return new FieldResult("date_published", parsed && actual is not null && e.UtcDateTime == actual.Value.UtcDateTime, expected, a);
    }

    private static FieldResult Image(string? expected, string? actual)
    {
        if (expected is null || actual is null)
        {
            return new FieldResult("lead_image_url", expected == actual, expected, actual);
        }

        var same = expected == actual
            || (Uri.TryCreate(expected, UriKind.Absolute, out var e) && Uri.TryCreate(actual, UriKind.Absolute, out var a) && e.AbsoluteUri == a.AbsoluteUri);
        return new FieldResult("lead_image_url", same, expected, actual);
    }

    /// <summary>
    /// The body must start with the expected words. Compared without whitespace: the suite took
    /// its words from the DOM's text, which glues adjacent blocks where the HTML has no space
    /// between them ("in America.The first lady", and every paragraph break in Japanese), while
    /// our blocks are separate. Every other character must match, in order.
    /// </summary>
    private static FieldResult FirstWords(string? expected, Article article, int? contentWords)
    {
        var e = Normalize(expected);
        var body = string.Join(' ', article.Body.Select(b => b.Text));
        var count = contentWords ?? (e?.Split(' ').Length ?? 0);
        var a = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(count));
        if (e is null)
        {
            return new FieldResult("content_first_words", a.Length == 0, e, a.Length == 0 ? null : a);
        }

        var wanted = WithoutWhitespace(e);
        var have = WithoutWhitespace(body);
        var passed = have.StartsWith(wanted, StringComparison.Ordinal);
        return new FieldResult("content_first_words", passed, e, a.Length == 0 ? null : a);
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var normalized = TextNormalizer.Normalize(text.Replace('\n', ' '));
        return normalized.Length == 0 ? null : normalized;
    }
}
