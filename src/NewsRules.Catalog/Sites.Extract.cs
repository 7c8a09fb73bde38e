using System;
using System.IO;
using AngleSharp.Dom;

namespace NewsRules.Catalog;

/// <summary>The front door over the repository's compiled rules (the rest of this class is generated).</summary>
public static partial class Sites
{
    /// <summary>
    /// The article of any page: the compiled rule that serves <paramref name="url"/>, else the
    /// generic fallback (unless <paramref name="fallback"/> is false). <see cref="ForUrl(System.Uri)"/>
    /// stays rule-only.
    /// </summary>
    /// <exception cref="NoRuleException">No rule serves the URL and <paramref name="fallback"/> is false.</exception>
    public static Article Extract(string html, string url, bool fallback = true) => Extractor.Extract(html, url, All, fallback);

    /// <inheritdoc cref="Extract(string, string, bool)"/>
    public static Article Extract(string html, Uri url, bool fallback = true) => Extractor.Extract(html, url, All, fallback);

    /// <inheritdoc cref="Extract(string, string, bool)"/>
    public static Article Extract(Stream html, Uri url, bool fallback = true) => Extractor.Extract(html, url, All, fallback);

    /// <inheritdoc cref="Extract(string, string, bool)"/>
    public static Article Extract(IDocument document, Uri url, bool fallback = true) => Extractor.Extract(document, url, All, fallback);
}
