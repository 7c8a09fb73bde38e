using System;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Generic;

/// <summary>
/// What kind of line a block is, by its size, links and words: a furniture line, a "read also"
/// line, a caption or credit, a call to action, a short block, a link list. The content finder
/// and the boilerplate net both ask.
/// </summary>
internal static class LineKinds
{
    /// <summary>A short block (or a &lt;time&gt;) whose words alone say it is furniture: "Mehr zum Thema", a lone date.</summary>
    internal static bool IsBoilerplateLine(PageTree tree, int i, ref string? line)
    {
        if (tree.Text[i] > 100 || tree.Text[i] == 0)
        {
            return false;
        }

        var element = tree.Elements[i];
        if (element.LocalName == "time")
        {
            return DateText.IsDateOnly(Line(tree, i, ref line));
        }

        if (tree.OwnText[i] == 0)
        {
            return false;
        }

        var text = Line(tree, i, ref line);
        return Hints.IsBoilerplateText(text) || Hints.IsPostMetaLine(text);
    }

    /// <summary>Element <paramref name="i"/>'s text, read on first use.</summary>
    internal static string Line(PageTree tree, int i, ref string? line) => line ??= HtmlText.Of(tree.Elements[i]);

    /// <summary>
    /// A line that points to another article: a short label and one link that is the rest of it
    /// ("Lea también: …", "LE PUEDE INTERESAR: …", "Mehr zum Thema: …", "Read more: …"), in any
    /// language, because the label ends in a colon and the link, a headline of 20 characters or
    /// more, carries the line ("Kreole: Stella Hoops", a product named, stays).
    /// </summary>
    internal static bool IsReadAlsoLine(PageTree tree, int i, ref string? text)
    {
        var visible = tree.Text[i];
        if (tree.Links[i] != 1 || visible == 0 || visible > 250 || tree.LinkText[i] < 20 || tree.LinkText[i] * 2 < visible || visible - tree.LinkText[i] > 40)
        {
            return false;
        }

        var element = tree.Elements[i];
        if (element.LocalName is not ("p" or "h2" or "h3" or "h4" or "h5" or "h6" or "div" or "li" or "strong" or "b" or "span" or "em"))
        {
            return false;
        }

        var line = Line(tree, i, ref text);
        var colon = line.IndexOf(':');
        return colon > 1 && colon <= 40 && LabelBeforeLink(element, line, colon);
    }

    /// <summary>True when the element's one link starts after the colon of its label.</summary>
    private static bool LabelBeforeLink(IElement element, string line, int colon)
    {
        var link = element.QuerySelector("a[href]");
        if (link is null)
        {
            return false;
        }

        var linkText = HtmlText.Of(link);
        var at = linkText.Length == 0 ? -1 : line.IndexOf(linkText, StringComparison.Ordinal);
        return at > colon;
    }

    /// <summary>A block of its own that is a picture's caption or credit by its words: "Abbildung 4: …", "Foto: …", "… © AFP".</summary>
    internal static bool IsCaptionLine(PageTree tree, int i, ref string? line) =>
        IsShortBlock(tree, i) && Hints.IsCaptionText(Line(tree, i, ref line));

    /// <summary>A short block that asks the reader to follow, subscribe, download, register or give, rather than telling the story.</summary>
    internal static bool IsCallToAction(PageTree tree, int i, ref string? line) =>
        IsShortBlock(tree, i) && Hints.IsCallToActionText(Line(tree, i, ref line));

    /// <summary>A block element of at most 250 characters, most of them its own text (not a wrapper of other blocks).</summary>
    internal static bool IsShortBlock(PageTree tree, int i) =>
        tree.OwnText[i] > 0 && tree.Text[i] <= 250 && tree.OwnText[i] * 2 >= tree.Text[i]
        && tree.Elements[i].LocalName is "p" or "div" or "li" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "section" or "aside" or "dd";

    /// <summary>A list or box that is mostly links: navigation, related stories, tag clouds.</summary>
    internal static bool IsLinkList(PageTree tree, int i)
    {
        var text = tree.Text[i];
        if (text == 0 || tree.Links[i] < 2)
        {
            return false;
        }

        var tag = tree.Elements[i].LocalName;
        if (tag is not ("ul" or "ol" or "dl" or "div" or "section" or "table" or "p" or "header" or "span"))
        {
            return false;
        }

        return tree.LinkText[i] * 2 > text;
    }
}
