using System.Collections.Frozen;
using System.Collections.Generic;
using System.Text;
using AngleSharp.Dom;

namespace NewsRules.Text;

/// <summary>Which elements carry no article text, which start a new block, and how to read an element's text.</summary>
internal static class HtmlText
{
    /// <summary>Elements whose content is never article text.</summary>
    public static readonly FrozenSet<string> Skipped = new[]
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
        "form", "button", "input", "select", "textarea", "option", "optgroup", "datalist", "head", "title",
        "link", "meta", "base", "audio", "video", "source", "track", "map", "area", "dialog", "frameset", "frame",

        // Ruby annotations: the reading written over the text (furigana) and the parentheses
        // shown where ruby is not supported. The article's text is the base text, 子ども, not 子こども.
        "rt", "rp",
    }.ToFrozenSet(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that end the running text before them and start a new block.</summary>
    public static readonly FrozenSet<string> BlockLevel = new[]
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    }.ToFrozenSet(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>True for an element whose subtree holds no readable text (scripts, forms, hidden elements).</summary>
    public static bool IsSkipped(IElement element)
    {
        if ((KindOf(element.LocalName) & SkippedKind) != 0)
        {
            return true;
        }

        // One pass over the attributes, as HasAttribute("hidden") and GetAttribute("style") read
        // them (by qualified name; both names are lower case already), instead of two searches.
        var attributes = element.Attributes;
        var count = attributes.Length;
        string? style = null;
        for (var i = 0; i < count; i++)
        {
            if (attributes[i] is not { } attribute)
            {
                continue;
            }

            var name = attribute.Name;
            if (name == "hidden")
            {
                return true;
            }

            if (style is null && name == "style")
            {
                style = attribute.Value;
            }
        }

        return style is not null && IsDisplayNone(style);
    }

    /// <summary>True for an element of <see cref="BlockLevel"/>.</summary>
    internal static bool IsBlockLevel(IElement element) => (KindOf(element.LocalName) & BlockKind) != 0;

    /// <summary>As <see cref="IsBlockLevel(IElement)"/>, for a tag name (an element a rule renames).</summary>
    internal static bool IsBlockLevel(string localName) => (KindOf(localName) & BlockKind) != 0;

    /// <summary>
    /// An element's visible text, normalized: scripts and hidden parts inside it skipped, blocks
    /// separated by a space, <c>&lt;br&gt;</c> kept as <c>\n</c>. Iterative, so any depth is safe.
    /// The element itself is read even when it is of a kind the body skips: a rule that selects
    /// the page's <c>&lt;title&gt;</c>, a JSON-LD <c>&lt;script&gt;</c> or a hidden date wants its text.
    /// </summary>
    public static string Of(IElement element) => Of(element, leaveOut: null);

    /// <summary>As <see cref="Of(IElement)"/>, leaving out the subtrees of <paramref name="leaveOut"/> (junk inside a caption).</summary>
    public static string Of(IElement element, ISet<IElement>? leaveOut)
    {
        // One builder per thread, reused: the raw text is normalized straight out of it into the
        // one string returned. Of never runs inside itself, so the builder is never shared.
        var builder = cachedBuilder ?? new StringBuilder();
        cachedBuilder = null;
        try
        {
            AppendContent(element, builder, leaveOut);
            return TextNormalizer.Normalize(builder);
        }
        finally
        {
            if (builder.Capacity <= MaxCachedBuilderCapacity)
            {
                builder.Clear();
                cachedBuilder = builder;
            }
        }
    }

    private const int MaxCachedBuilderCapacity = 64 * 1024;

    [System.ThreadStatic]
    private static StringBuilder? cachedBuilder;

    /// <summary>Appends an element's raw text (not yet normalized) to a builder; nothing when the element itself is skipped.</summary>
    public static void Append(IElement element, StringBuilder builder)
    {
        if (IsSkipped(element))
        {
            return;
        }

        AppendContent(element, builder, leaveOut: null);
    }

    /// <summary>
    /// True for an element that stands on its own lines when the page is shown: a block-level
    /// element, or a skipped one that displays as a block (a form). Text on either side of it
    /// never runs together, even when the element itself is left out.
    /// </summary>
    public static bool BreaksText(IElement element) =>
        (KindOf(element.LocalName) & BlockKind) != 0 || element.LocalName is "form" or "dialog";

    private const byte SkippedKind = 1;
    private const byte BlockKind = 2;
    private const int MaxCachedNames = 512;

    // Tag names by identity: the parser gives every element of a tag the same name string, so
    // a lookup by reference skips hashing the name case-insensitively for each element (two
    // set lookups per element of every body and field). Per thread, so no locking; bounded,
    // since made-up tags get a string each.
    [System.ThreadStatic]
    private static Dictionary<string, byte>? kinds;

    private static byte KindOf(string localName)
    {
        var cache = kinds ??= new Dictionary<string, byte>(ReferenceEqualityComparer.Instance);
        if (cache.TryGetValue(localName, out var kind))
        {
            return kind;
        }

        kind = (byte)((Skipped.Contains(localName) ? SkippedKind : 0) | (BlockLevel.Contains(localName) ? BlockKind : 0));
        if (cache.Count < MaxCachedNames)
        {
            cache.Add(localName, kind);
        }

        return kind;
    }

    private static void AppendContent(IElement root, StringBuilder builder, ISet<IElement>? leaveOut)
    {
        var walk = new TreeWalk(root);
        while (walk.Current is { } node)
        {
            var descend = false;
            switch (node)
            {
                // NodeType first: a cast to IText that fails (every element) scans the element's whole interface map.
                case { NodeType: not NodeType.Element } and IText text:
                    builder.Append(text.Data);
                    break;
                case IElement child when child.LocalName == "br":
                    builder.Append(TextNormalizer.LineBreak);
                    break;
                case IElement child:
                    if (BreaksText(child))
                    {
                        builder.Append(' ');
                    }

                    descend = child.FirstChild is not null && !IsSkipped(child) && (leaveOut is null || !leaveOut.Contains(child));
                    break;
            }

            walk.Next(descend);

            // The node, and every ancestor that ends with it; a block's end separates its text
            // from what follows ("<p>Photo</p>Credit" reads "Photo Credit").
            var leftNodes = walk.Left;
            for (var i = 0; i < leftNodes.Count; i++)
            {
                // By index: a foreach over the interface boxed an enumerator for every node.
                if (leftNodes[i] is { NodeType: NodeType.Element } and IElement element && BreaksText(element))
                {
                    builder.Append(' ');
                }
            }
        }
    }

    private static bool IsDisplayNone(string style)
    {
        var compact = style.Replace(" ", string.Empty).ToLowerInvariant();
        return compact.Contains("display:none") || compact.Contains("visibility:hidden");
    }
}
