using System;
using System.Collections.Generic;
using System.IO;
using AngleSharp.Dom;
using NewsRules.Engine;
using NewsRules.Html;

namespace NewsRules;

/// <summary>
/// The base of every extractor: runs a <see cref="SiteRule"/> with the engine and shapes the
/// result as <typeparamref name="TArticle"/>. Generated extractors derive from it.
/// </summary>
public abstract class ArticleExtractor<TArticle> : IRuleExtractor
    where TArticle : Article
{
    /// <summary>Creates an extractor for a rule.</summary>
    protected ArticleExtractor(SiteRule rule) => Rule = rule ?? throw new ArgumentNullException(nameof(rule));

    /// <summary>The rule this extractor runs.</summary>
    public SiteRule Rule { get; }

    /// <inheritdoc />
    public string Site => Rule.Site;

    /// <inheritdoc />
    public IReadOnlyList<string> Domains => Rule.Domains;

    /// <inheritdoc />
    public int MatchLength(Uri url) => Rule.MatchLength(url);

    /// <summary>Extracts the article from HTML text.</summary>
    public TArticle Extract(string html, string url) => Extract(html, ParseUrl(url));

    /// <summary>Extracts the article from HTML text.</summary>
    public TArticle Extract(string html, Uri url)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Extract(HtmlDocuments.Parse(html), url);
    }

    /// <summary>Extracts the article from HTML bytes, honouring a BOM or a declared charset.</summary>
    public TArticle Extract(Stream html, Uri url)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Extract(HtmlDocuments.ParseTransient(html), url);
    }

    /// <summary>Extracts the article from a parsed document. The document is not changed.</summary>
    public TArticle Extract(IDocument document, Uri url)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(url);
        return Create(RulePipeline.Run(Rule, document, url).Article);
    }

    Article IArticleExtractor.Extract(string html, Uri url) => Extract(html, url);

    Article IArticleExtractor.Extract(string html, string url) => Extract(html, url);

    Article IArticleExtractor.Extract(Stream html, Uri url) => Extract(html, url);

    Article IArticleExtractor.Extract(IDocument document, Uri url) => Extract(document, url);

    /// <summary>Shapes the engine's result as this site's article type.</summary>
    protected abstract TArticle Create(Article article);

    private static Uri ParseUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // On Unix "/news/x" parses as an absolute file:// URI: accept web addresses only.
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ArgumentException($"'{url}' is not an absolute http(s) URL; pass the page's full address (https://…).", nameof(url));
    }
}
