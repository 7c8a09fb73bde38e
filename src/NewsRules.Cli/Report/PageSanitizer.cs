using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Html;

namespace NewsRules.Cli.Report;

/// <summary>
/// Makes a saved page safe and self-contained to open as a report: nothing of the page runs
/// and nothing it links to is loaded. Scripts, frames and plugins become empty
/// <c>&lt;template data-nr-removed&gt;</c> placeholders (so sibling positions, and the
/// selectors that count them, stay as they were); <c>on*</c> handlers and <c>javascript:</c>
/// URLs go; stylesheets and icons linked from elsewhere, <c>&lt;base&gt;</c>, refreshes and the
/// page's own charset and security policy are dropped. Inline styles and <c>&lt;style&gt;</c>
/// stay. Image and link addresses are made absolute against the page URL, so remote images
/// can show when the machine is online; the report never needs them.
/// </summary>
internal static class PageSanitizer
{
    /// <summary>Elements that run code or load another document.</summary>
    private static readonly HashSet<string> Removed = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "frame", "object", "embed", "applet", "portal", "fencedframe",
    };

    /// <summary>Link relations that load nothing; any other <c>&lt;link&gt;</c> is dropped.</summary>
    private static readonly HashSet<string> InertLinks = new(StringComparer.OrdinalIgnoreCase)
    {
        "canonical", "alternate", "author", "license", "next", "prev", "shortlink", "amphtml", "me", "bookmark", "tag", "help", "search",
    };

    /// <summary>Attributes holding one URL that a click or a load could follow.</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "poster", "xlink:href", "background", "data", "cite", "longdesc", "ping",
    };

    public static void Apply(IDocument document, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        var baseUrl = UrlResolver.BaseOf(document, pageUrl);
        foreach (var element in document.All.ToList())
        {
            var name = element.LocalName;
            if (Removed.Contains(name))
            {
                var placeholder = document.CreateElement("template");
                placeholder.SetAttribute("data-nr-removed", name.ToLowerInvariant());
                element.Parent?.ReplaceChild(placeholder, element);
                continue;
            }

            if (name.Equals("base", StringComparison.OrdinalIgnoreCase) || IsLoadingLink(element) || IsDroppedMeta(element))
            {
                element.Remove();
                continue;
            }

            CleanAttributes(element, baseUrl);
        }
    }

    private static bool IsLoadingLink(IElement element)
    {
        if (!element.LocalName.Equals("link", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rel = (element.GetAttribute("rel") ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return rel.Length == 0 || rel.Any(r => !InertLinks.Contains(r));
    }

    /// <summary>Refreshes, the page's own CSP and its charset (the report is written in UTF-8 and declares so itself).</summary>
    private static bool IsDroppedMeta(IElement element) =>
        element.LocalName.Equals("meta", StringComparison.OrdinalIgnoreCase)
        && (element.HasAttribute("http-equiv") || element.HasAttribute("charset"));

    private static void CleanAttributes(IElement element, Uri baseUrl)
    {
        foreach (var attribute in element.Attributes.ToList())
        {
            var name = attribute.Name;
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
                continue;
            }

            if (name.Equals("srcdoc", StringComparison.OrdinalIgnoreCase))
            {
                element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
                continue;
            }

            if (UrlAttributes.Contains(name))
            {
                if (IsScriptUrl(attribute.Value))
                {
                    element.SetAttribute(attribute.NamespaceUri, attribute.Name, "#");
                }
                else if (ShouldResolve(element, name) && UrlResolver.Absolute(baseUrl, attribute.Value) is { } absolute)
                {
                    element.SetAttribute(attribute.NamespaceUri, attribute.Name, absolute);
                }
            }
            else if (name.Equals("srcset", StringComparison.OrdinalIgnoreCase))
            {
                element.SetAttribute(attribute.NamespaceUri, attribute.Name, AbsoluteSrcset(baseUrl, attribute.Value));
            }
        }
    }

    /// <summary>Links and images point at the site, not at files beside the report; fragment links stay in the page.</summary>
    private static bool ShouldResolve(IElement element, string attribute)
    {
        var value = element.GetAttribute(attribute) ?? string.Empty;
        return !value.StartsWith('#') && !value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            && (attribute.Equals("href", StringComparison.OrdinalIgnoreCase) || attribute.Equals("src", StringComparison.OrdinalIgnoreCase) || attribute.Equals("poster", StringComparison.OrdinalIgnoreCase));
    }

    internal static bool IsScriptUrl(string value)
    {
        // Browsers ignore whitespace and control characters inside the scheme ("java\tscript:").
        var compact = new string(value.Where(c => c > ' ').ToArray());
        return compact.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || compact.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
            || compact.StartsWith("data:text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Each candidate's URL made absolute; parsed as the HTML standard does (a URL runs to whitespace, so commas inside it stay).</summary>
    private static string AbsoluteSrcset(Uri baseUrl, string srcset)
    {
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < srcset.Length)
        {
            while (i < srcset.Length && (char.IsWhiteSpace(srcset[i]) || srcset[i] == ','))
            {
                i++;
            }

            var start = i;
            while (i < srcset.Length && !char.IsWhiteSpace(srcset[i]))
            {
                i++;
            }

            var address = srcset.Substring(start, i - start).TrimEnd(',');
            var descriptorStart = i;
            while (i < srcset.Length && srcset[i] != ',')
            {
                i++;
            }

            if (address.Length == 0)
            {
                continue;
            }

            var descriptor = srcset.Substring(descriptorStart, i - descriptorStart).Trim();
            var resolved = IsScriptUrl(address) ? "#"
                : address.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? address
                : UrlResolver.Absolute(baseUrl, address) ?? address;
            if (result.Length > 0)
            {
                result.Append(", ");
            }

            result.Append(resolved);
            if (descriptor.Length > 0)
            {
                result.Append(' ').Append(descriptor);
            }
        }

        return result.ToString();
    }
}
