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

    /// <summary>True for a comment section or comment (its class or id says so).</summary>
    public static bool IsComments(IElement element) =>
        (element.ClassList.Length > 0 || !string.IsNullOrEmpty(element.Id)) && Of(element).Any(CommentWords.Contains);
}
