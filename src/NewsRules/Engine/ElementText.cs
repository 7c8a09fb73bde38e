using System;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Engine;

/// <summary>
/// The text tests of a selector alternative's long form: <c>text</c> (a case-insensitive regex
/// on the element's normalized text, as a field would read it) and <c>links_only</c> (every word
/// of the element's text stands inside a link, as in a paragraph that only links to another story).
/// </summary>
internal static class ElementText
{
    public static bool Passes(IElement element, Regex? text, bool linksOnly)
    {
        if (linksOnly && !IsAllLinkText(element))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        try
        {
            return text.IsMatch(HtmlText.Of(element));
        }
        catch (RegexMatchTimeoutException)
        {
            // A test that cannot decide in time does not pick the element.
            return false;
        }
    }

    /// <summary>
    /// True when the element has link text and no other: every letter or digit of its readable
    /// text lies inside an <c>&lt;a&gt;</c> (the element itself may be the link). Punctuation,
    /// symbols and white space between links ("•", "|", "»") do not count against it.
    /// </summary>
    public static bool IsAllLinkText(IElement element)
    {
        var anyLinkText = false;
        var links = element.LocalName == "a" ? 1 : 0;
        var walk = new TreeWalk(element);
        while (walk.Current is { } node)
        {
            var descend = false;
            if (node is { NodeType: NodeType.Element } and IElement child)
            {
                // Counted whether or not the walk enters it: every <a> the walk leaves is counted off.
                descend = !HtmlText.IsSkipped(child);
                if (child.LocalName == "a")
                {
                    links++;
                }
            }
            else if (node is { NodeType: NodeType.Text } and IText text && HasWordCharacter(text.Data))
            {
                if (links == 0)
                {
                    return false;
                }

                anyLinkText = true;
            }

            walk.Next(descend);
            foreach (var left in walk.Left)
            {
                if (left is { NodeType: NodeType.Element } and IElement { LocalName: "a" } && left != element)
                {
                    links--;
                }
            }
        }

        return anyLinkText;
    }

    private static bool HasWordCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
