using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsRules.Cli.Scaffold;

/// <summary>The words of an element's classes and id, which say what it is: "c-share-bar relatedLinks" → c, share, bar, related, Links.</summary>
internal static class ClassWords
{
    // Words that mark reader comments: text, often long, that is not the article's.
    private static readonly HashSet<string> CommentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "comment", "comments", "disqus", "replies", "respond", "discussion", "livefyre", "commento", "talk",
    };

    // Words that mark cookie and consent dialogs: paragraphs of legal text on every page.
    private static readonly HashSet<string> ConsentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "onetrust", "cookie", "cookies", "consent", "gdpr", "cmp", "didomi", "cookiebot", "truste", "qc",
    };

    private static readonly Regex Boundary = new("(?<=[a-z])(?=[A-Z])|[-_\\s]+", RegexOptions.CultureInvariant);

    public static List<string> Of(IElement element)
    {
        var words = new List<string>();
        var names = element.ClassList.Append(element.Id ?? string.Empty).Append(element.GetAttribute("data-component") ?? string.Empty);
        foreach (var name in names)
        {
            words.AddRange(Boundary.Split(name).Where(w => w.Length > 0));
        }

        return words;
    }

    /// <summary>True for what is never article text however long it is: reader comments, cookie and consent dialogs.</summary>
    public static bool IsFurniture(IElement element) => Says(element, w => CommentWords.Contains(w) || ConsentWords.Contains(w));

    /// <summary>True for a comment section or comment (its class or id says so).</summary>
    public static bool IsComments(IElement element) => Says(element, CommentWords.Contains);

    // What an element is, from the names that describe it: not the page-wide switches on <body>
    // ("mm-use-consent-management-enabled"), nor state flags ("has-comments", "is-open").
    private static bool Says(IElement element, Func<string, bool> word)
    {
        if (element.LocalName is "html" or "body" or "main")
        {
            return false;
        }

        foreach (var name in element.ClassList.Append(element.Id ?? string.Empty))
        {
            if (name.Length == 0 || name.StartsWith("is-", StringComparison.Ordinal) || name.StartsWith("has-", StringComparison.Ordinal)
                || name.StartsWith("no-", StringComparison.Ordinal) || name.EndsWith("-enabled", StringComparison.Ordinal) || name.EndsWith("-disabled", StringComparison.Ordinal))
            {
                continue;
            }

            if (Boundary.Split(name).Any(word))
            {
                return true;
            }
        }

        return false;
    }
}
