using System;
using System.Collections.Generic;
using System.IO;
using AngleSharp.Dom;

namespace NewsRules;

/// <summary>
/// Extracts articles for one site. Implemented by every generated extractor and by rules
/// loaded at run time. Instances are immutable and safe to use from many threads at once.
/// </summary>
public interface IArticleExtractor
{
    /// <summary>The rule's site name.</summary>
    string Site { get; }

    /// <summary>The hosts the rule serves (each matches its subdomains too).</summary>
    IReadOnlyList<string> Domains { get; }

    /// <summary>
    /// How specifically the rule serves <paramref name="url"/>: the length of the longest
    /// domain that matches its host, or -1 when the rule does not serve the URL (wrong host,
    /// or a path that none of the rule's <c>urls</c> patterns match).
    /// </summary>
    int MatchLength(Uri url);

    /// <summary>Extracts the article from HTML text.</summary>
    Article Extract(string html, Uri url);

    /// <summary>Extracts the article from HTML text; <paramref name="url"/> must be absolute.</summary>
    Article Extract(string html, string url);

    /// <summary>Extracts the article from HTML bytes, honouring a BOM or a declared charset.</summary>
    Article Extract(Stream html, Uri url);

    /// <summary>Extracts the article from a document already parsed with AngleSharp. The document is not changed.</summary>
    Article Extract(IDocument document, Uri url);
}

/// <summary>An extractor that runs a YAML site rule (generated or loaded at run time).</summary>
public interface IRuleExtractor : IArticleExtractor
{
    /// <summary>The rule it runs.</summary>
    Engine.SiteRule Rule { get; }
}
