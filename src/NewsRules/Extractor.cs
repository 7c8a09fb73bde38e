using System;
using System.Collections.Generic;
using System.IO;
using AngleSharp.Dom;
using NewsRules.Engine;
using NewsRules.Generic;
using NewsRules.Html;

namespace NewsRules;

/// <summary>
/// The front door: the site's rule when one serves the URL, else the generic fallback
/// (<see cref="GenericExtractor"/>). The runtime does not know the compiled rules, so they are
/// passed in (<c>Sites.All</c> from <c>NewsRules.Catalog</c>, rules loaded with
/// <c>RuleLoader</c>, or both); <c>Sites.Extract</c> in the catalog passes its own.
/// </summary>
public static class Extractor
{
    /// <summary>
    /// The extractor for <paramref name="url"/>: the rule that serves it most specifically, else
    /// the generic extractor, or null when no rule serves it and <paramref name="fallback"/> is false.
    /// </summary>
    public static IArticleExtractor? For(Uri url, IEnumerable<IArticleExtractor> rules, bool fallback = true)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(rules);
        var rule = ExtractorRegistry.Find(rules, url);
        if (rule is not null && rule is not GenericExtractor)
        {
            return rule;
        }

        return fallback && GenericExtractor.Instance.MatchLength(url) >= 0 ? GenericExtractor.Instance : null;
    }

    /// <summary>Extracts the article from HTML text; <paramref name="url"/> must be absolute.</summary>
    /// <exception cref="NoRuleException">No rule serves the URL and <paramref name="fallback"/> is false.</exception>
    public static Article Extract(string html, string url, IEnumerable<IArticleExtractor> rules, bool fallback = true)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{url}' is not an absolute URL; pass the page's full address (https://…).", nameof(url));
        }

        return Extract(html, uri, rules, fallback);
    }

    /// <summary>Extracts the article from HTML text.</summary>
    /// <exception cref="NoRuleException">No rule serves the URL and <paramref name="fallback"/> is false.</exception>
    public static Article Extract(string html, Uri url, IEnumerable<IArticleExtractor> rules, bool fallback = true)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Extract(HtmlDocuments.Parse(html), url, rules, fallback);
    }

    /// <summary>Extracts the article from HTML bytes, honouring a BOM or a declared charset.</summary>
    /// <exception cref="NoRuleException">No rule serves the URL and <paramref name="fallback"/> is false.</exception>
    public static Article Extract(Stream html, Uri url, IEnumerable<IArticleExtractor> rules, bool fallback = true)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Extract(HtmlDocuments.ParseTransient(html), url, rules, fallback);
    }

    /// <summary>Extracts the article from a parsed document (left unchanged).</summary>
    /// <exception cref="NoRuleException">No rule serves the URL and <paramref name="fallback"/> is false.</exception>
    public static Article Extract(IDocument document, Uri url, IEnumerable<IArticleExtractor> rules, bool fallback = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        var extractor = For(url, rules, fallback) ?? throw new NoRuleException(url);
        return extractor.Extract(document, url);
    }
}

/// <summary>No rule serves a URL and the generic fallback was turned off.</summary>
public sealed class NoRuleException : InvalidOperationException
{
    /// <summary>Creates the exception for a URL.</summary>
    public NoRuleException(Uri url)
        : base($"No rule serves '{url}' (host '{url.Host}') and the generic fallback is off. Add a rule for {url.Host} under rules/, or call with fallback: true to use the generic extractor.")
    {
        Url = url;
    }

    /// <summary>The URL no rule serves.</summary>
    public Uri Url { get; }
}
