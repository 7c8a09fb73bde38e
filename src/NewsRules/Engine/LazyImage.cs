using System;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Engine;

/// <summary>
/// The image an element shows once the page's script has run: what <c>image</c> reads when its
/// selector selects elements (no <c>@attr</c>). Lazy loaders keep the real address in
/// <c>data-src</c>-style attributes or a <c>data-srcset</c>, put a placeholder in <c>src</c>
/// (a <c>data:</c> URI, a blank GIF), and leave a <c>&lt;noscript&gt;</c> copy for readers without scripts.
/// </summary>
internal static partial class LazyImage
{
    // In the order lazy loaders are common; the first that holds an address wins.
    private static readonly string[] SourceAttributes = { "data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src", "data-full-src" };
    private static readonly string[] SetAttributes = { "data-srcset", "data-lazy-srcset", "srcset" };

    /// <summary>
    /// The element's image address as written (made absolute later): the element itself when it
    /// is an <c>img</c> or <c>source</c>, else the first image inside it (a <c>picture</c>'s
    /// sources first), else the image of a <c>&lt;noscript&gt;</c> inside or just after it;
    /// null when there is none (the field then reads the element's text, as before).
    /// </summary>
    public static string? Of(IElement element)
    {
        if (OwnSource(element) is { } own)
        {
            return own;
        }

        foreach (var inner in element.QuerySelectorAll("source, img"))
        {
            if (OwnSource(inner) is { } found)
            {
                return found;
            }
        }

        foreach (var noscript in element.QuerySelectorAll("noscript"))
        {
            if (FromNoscript(noscript) is { } found)
            {
                return found;
            }
        }

        // <img class="lazy" src="data:…"><noscript><img src="real.jpg"></noscript>
        return element.NextElementSibling is { LocalName: "noscript" } next ? FromNoscript(next) : null;
    }

    private static string? OwnSource(IElement element)
    {
        if (element.LocalName is not ("img" or "source"))
        {
            return null;
        }

        foreach (var name in SourceAttributes)
        {
            if (Usable(element.GetAttribute(name)) is { } value)
            {
                return value;
            }
        }

        foreach (var name in SetAttributes)
        {
            if (element.GetAttribute(name) is { Length: > 0 } set && Usable(UrlResolver.PickFromSrcset(set)) is { } widest)
            {
                return widest;
            }
        }

        return Usable(element.GetAttribute("src"));
    }

    /// <summary>A noscript's image: parsed as elements when the parser ran without scripting, else as text.</summary>
    private static string? FromNoscript(IElement noscript)
    {
        foreach (var img in noscript.QuerySelectorAll("img"))
        {
            if (OwnSource(img) is { } found)
            {
                return found;
            }
        }

        var match = NoscriptSource().Match(noscript.TextContent);
        return match.Success ? Usable(System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value)) : null;
    }

    /// <summary>The address, or null for nothing or a placeholder (a data: URI, a blank or spacer GIF).</summary>
    private static string? Usable(string? value)
    {
        var text = value is null ? null : TextNormalizer.Normalize(value);
        if (string.IsNullOrEmpty(text)
            || text.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("about:", StringComparison.OrdinalIgnoreCase)
            || Placeholder().IsMatch(text))
        {
            return null;
        }

        return text;
    }

    [GeneratedRegex(@"<img\b[^>]*?\s(?:data-src|src)\s*=\s*[""']?(?<url>[^""'\s>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoscriptSource();

    [GeneratedRegex(@"(?:^|/)(?:blank|spacer|transparent|pixel|placeholder|lazy(?:-?load)?|grey|gray|1x1)[\w-]*\.(?:gif|png|svg)(?:$|\?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
