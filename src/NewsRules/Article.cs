using System;
using System.Collections.Generic;

namespace NewsRules;

/// <summary>
/// An extracted article: the output contract of every extractor. Each site's generated
/// extractor returns a sealed subtype (e.g. <c>RtArabicArticle</c>) that adds the rule's
/// custom fields as typed properties; they are in <see cref="Fields"/> as well.
/// </summary>
public record Article
{
    /// <summary>Creates an article for a site and page URL; the other members start empty.</summary>
    public Article(string site, string url)
    {
        Site = site;
        Url = url;
    }

    /// <summary>The rule's site name (e.g. <c>RtArabic</c>).</summary>
    public string Site { get; init; }

    /// <summary>The page URL the article was extracted for.</summary>
    public string Url { get; init; }

    /// <summary>The headline, or null when the rule's title selectors matched nothing.</summary>
    public string? Title { get; init; }

    /// <summary>The standfirst (dek, summary), or null.</summary>
    public string? Lead { get; init; }

    /// <summary>The authors in page order, one per match, duplicates and a leading "By" removed.</summary>
    public IReadOnlyList<string> Authors { get; init; } = Array.Empty<string>();

    /// <summary>When the article was published, with the offset the page gave (or the rule's time zone).</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The lead image as an absolute URL, or null.</summary>
    public string? Image { get; init; }

    /// <summary>The rule's language tag, else the page's <c>&lt;html lang&gt;</c>, else null.</summary>
    public string? Language { get; init; }

    /// <summary>Every caption the rule's caption selectors matched, in page order.</summary>
    public IReadOnlyList<string> Captions { get; init; } = Array.Empty<string>();

    /// <summary>The body as blocks in reading order; captions stand where they stand in the page.</summary>
    public IReadOnlyList<Block> Body { get; init; } = Array.Empty<Block>();

    /// <summary>The body's text blocks (captions left out) joined by blank lines.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The rule's custom fields by name: a string, a list of strings, or null.</summary>
    public IReadOnlyDictionary<string, object?> Fields { get; init; } = EmptyFields;

    /// <summary>
    /// What went wrong quietly: a selector that matched nothing, a date that did not parse.
    /// An empty list means the rule found everything it asks for; a non-empty one is how a
    /// site's layout change shows up.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    private static readonly IReadOnlyDictionary<string, object?> EmptyFields = new Dictionary<string, object?>();
}
