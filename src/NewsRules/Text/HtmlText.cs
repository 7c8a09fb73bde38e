using System.Collections.Generic;
using System.Text;
using AngleSharp.Dom;

namespace NewsRules.Text;

/// <summary>Which elements carry no article text, which start a new block, and how to read an element's text.</summary>
public static class HtmlText
{
    /// <summary>Elements whose content is never article text.</summary>
    public static readonly HashSet<string> Skipped = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
        "form", "button", "input", "select", "textarea", "option", "optgroup", "datalist", "head", "title",
        "link", "meta", "base", "audio", "video", "source", "track", "map", "area", "dialog", "frameset", "frame",
    };

    /// <summary>Elements that end the running text before them and start a new block.</summary>
    public static readonly HashSet<string> BlockLevel = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    };

    /// <summary>True for an element whose subtree holds no readable text (scripts, forms, hidden elements).</summary>
    public static bool IsSkipped(IElement element)
    {
        if (Skipped.Contains(element.LocalName) || element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return style is not null && IsDisplayNone(style);
    }

    /// <summary>
    /// An element's visible text, normalized: scripts and hidden parts skipped, blocks
    /// separated by a space, <c>&lt;br&gt;</c> kept as <c>\n</c>. Iterative, so any depth is safe.
    /// </summary>
    public static string Of(IElement element)
    {
        var builder = new StringBuilder();
        Append(element, builder);
        return TextNormalizer.Normalize(builder.ToString());
    }

    /// <summary>Appends an element's raw text (not yet normalized) to a builder.</summary>
    public static void Append(IElement element, StringBuilder builder)
    {
        if (IsSkipped(element))
        {
            return;
        }

        INode? node = element.FirstChild;
        while (node is not null && node != element)
        {
            var descend = false;
            switch (node)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement child when child.LocalName == "br":
                    builder.Append(TextNormalizer.LineBreak);
                    break;
                case IElement child when !IsSkipped(child):
                    if (BlockLevel.Contains(child.LocalName))
                    {
                        builder.Append(' ');
                    }

                    descend = child.FirstChild is not null;
                    break;
            }

            node = Dom.Next(node, element, descend);
        }
    }

    private static bool IsDisplayNone(string style)
    {
        var compact = style.Replace(" ", string.Empty).ToLowerInvariant();
        return compact.Contains("display:none") || compact.Contains("visibility:hidden");
    }
}
