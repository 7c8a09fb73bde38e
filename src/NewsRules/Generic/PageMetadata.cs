using System;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace NewsRules.Generic;

/// <summary>The article's metadata as the generic extractor found it, with the elements that showed it.</summary>
internal sealed class PageMetadata
{
    public string? Title { get; set; }

    /// <summary>The visible heading that gave the title, left out of the body.</summary>
    public IElement? TitleElement { get; set; }

    public List<string> Authors { get; } = new();

    /// <summary>Visible bylines that gave the authors, left out of the body.</summary>
    public List<IElement> AuthorElements { get; } = new();

    public DateTimeOffset? Published { get; set; }

    /// <summary>The visible element that gave the date, left out of the body.</summary>
    public IElement? DateElement { get; set; }

    public string? Image { get; set; }

    public string? Lead { get; set; }

    public string? Language { get; set; }

    public string? SiteName { get; set; }

    /// <summary>JSON-LD <c>articleBody</c>: the text to fall back on when the page shows little.</summary>
    public string? ArticleBody { get; set; }

    /// <summary>Where each field came from ("title: og:title"), for the article's warnings and for debugging.</summary>
    public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);
}
