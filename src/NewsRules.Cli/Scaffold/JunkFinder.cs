using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>One junk selector the scaffold proposes, and why.</summary>
internal sealed record JunkGuess(string Selector, double Confidence, string Evidence);

/// <summary>
/// Finds what does not belong inside the body: share bars, related links, ads, "read also"
/// and newsletter boxes, recognized by the words in their class and id, by being mostly links,
/// or by an <c>aside</c>. A candidate is proposed only under a stable name, and only when
/// everything that name matches inside the body holds little of the body's paragraph text.
/// </summary>
internal static class JunkFinder
{
    private const int MaxJunk = 12;

    // Words (of a class or id cut at '-', '_' and case changes) that name page furniture.
    private static readonly Dictionary<string, string> HintWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["share"] = "share bar", ["sharing"] = "share bar", ["social"] = "share bar", ["sharebar"] = "share bar",
        ["sharetools"] = "share bar", ["toolbar"] = "share bar", ["print"] = "share bar",
        ["related"] = "related links", ["recommended"] = "related links", ["recommendations"] = "related links",
        ["recirc"] = "related links", ["recirculation"] = "related links", ["readmore"] = "\"read more\" box",
        ["outbrain"] = "related links", ["taboola"] = "related links", ["trending"] = "related links",
        ["newsletter"] = "newsletter box", ["subscribe"] = "newsletter box", ["subscription"] = "newsletter box",
        ["signup"] = "newsletter box", ["paywall"] = "newsletter box", ["promo"] = "promotion",
        ["ad"] = "ad", ["ads"] = "ad", ["adv"] = "ad", ["advert"] = "ad", ["advertisement"] = "ad",
        ["adslot"] = "ad", ["adunit"] = "ad", ["dfp"] = "ad", ["gpt"] = "ad", ["sponsor"] = "ad",
        ["sponsored"] = "ad", ["banner"] = "ad", ["comments"] = "comments", ["comment"] = "comments",
        ["disqus"] = "comments", ["tags"] = "tag list", ["breadcrumb"] = "navigation", ["breadcrumbs"] = "navigation",
        ["popup"] = "promotion", ["modal"] = "promotion",
    };

    // Word pairs that name a "read also" box: read-also, read-more, more-on, see-also.
    private static readonly (string, string)[] HintPairs =
    {
        ("read", "also"), ("read", "more"), ("also", "read"), ("more", "on"), ("more", "from"), ("see", "also"),
        ("more", "stories"), ("you", "may"), ("also", "like"), ("inline", "link"), ("rich", "link"),
    };

    // How such boxes begin, in the languages of the corpus: "Read more: …", "اقرأ أيضا", "Lesen Sie auch" …
    private static readonly Regex ReadAlsoText = new(
        @"^\s*(read (more|also|next)|related( stories| articles| posts)?:?|see also|more on this|more from|you (may|might) also like|"
        + @"اقرأ أيضا|اقرأ ايضا|إقرأ أيضا|اقرأ المزيد|"
        + @"lesen sie auch|mehr zum thema|auch interessant|ähnliche beiträge|weitere artikel|das könnte (dich|sie) auch interessieren|"
        + @"lire aussi|à lire aussi|à lire également|sur le même sujet|leer más|lee también|te puede interesar|leggi anche|"
        + @"関連記事|あわせて読みたい|相关阅读)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static List<JunkGuess> Find(IDocument document, IReadOnlyList<IElement> containers, TextStatistics statistics)
    {
        var bodyParagraphs = containers.Sum(c => statistics[c].Paragraphs);
        var containerSet = new HashSet<IElement>(containers);
        var guesses = new List<JunkGuess>();
        var proposed = new HashSet<string>(StringComparer.Ordinal);
        var taken = new HashSet<IElement>();

        foreach (var container in containers)
        {
            INode? node = container.FirstChild;
            while (node is not null && guesses.Count < MaxJunk)
            {
                var descend = false;
                if (node is IElement element && statistics.Contains(element))
                {
                    var reason = Reason(element, statistics);
                    var guess = reason is null ? null : Name(document, element, reason.Value, containers, containerSet, bodyParagraphs, statistics, proposed, taken);
                    if (guess is not null)
                    {
                        guesses.Add(guess);
                    }
                    else
                    {
                        descend = !taken.Contains(element);
                    }
                }

                node = Dom.Next(node, container, descend);
            }
        }

        return guesses;
    }

    /// <summary>Why an element looks like junk (and how sure that is), or null.</summary>
    private static (string Why, double Confidence)? Reason(IElement element, TextStatistics statistics)
    {
        var measure = statistics[element];
        // Small subtrees only for the checks that read them: a page nested thousands deep must not cost quadratic time.
        var small = measure.Elements <= 200;
        if (measure.Total <= 0 && (!small || SelectorNaming.First(element, "img, iframe, ins") is null))
        {
            return null;
        }

        var words = ClassWords.Of(element);
        foreach (var word in words)
        {
            if (HintWords.TryGetValue(word, out var what))
            {
                return ($"{what} ('{word}' in its class or id)", 0.8);
            }
        }

        for (var i = 0; i + 1 < words.Count; i++)
        {
            foreach (var (first, second) in HintPairs)
            {
                if (words[i].Equals(first, StringComparison.OrdinalIgnoreCase) && words[i + 1].Equals(second, StringComparison.OrdinalIgnoreCase))
                {
                    return ($"\"{first} {second}\" box ('{words[i]}-{words[i + 1]}' in its class or id)", 0.8);
                }
            }
        }

        if (element.LocalName == "aside")
        {
            return ("an <aside> inside the body", 0.6);
        }

        if (measure.Paragraphs == 0 && measure.Links >= 40 && small && SelectorNaming.All(element, "a").Count >= 2)
        {
            return (string.Format(CultureInfo.InvariantCulture, "a block of links ({0:0}% link text, no paragraph)", 100 * measure.Links / measure.Total), 0.5);
        }

        // A box that starts with "Read also" and is short, or is mostly links.
        var text = small && (measure.Total < 300 || measure.Links * 2 > measure.Total) ? HtmlText.Of(element) : string.Empty;
        if (text.Length > 0 && ReadAlsoText.IsMatch(text) && SelectorNaming.First(element, "a") is not null)
        {
            return ("a \"read also\" box (its text starts so)", 0.7);
        }

        return null;
    }

    private static JunkGuess? Name(
        IDocument document,
        IElement element,
        (string Why, double Confidence) reason,
        IReadOnlyList<IElement> containers,
        HashSet<IElement> containerSet,
        double bodyParagraphs,
        TextStatistics statistics,
        HashSet<string> proposed,
        HashSet<IElement> taken)
    {
        var names = SelectorNaming.Own(element);
        if (element.LocalName == "aside")
        {
            names.Insert(0, new NamedSelector("aside", 1));
        }

        // Junk is the more sure the less article text it could take with it.
        // Reader comments may be long; anything else that holds much of the body's text is not junk.
        var limit = ClassWords.IsComments(element) ? 0.6 : 0.15;
        var ownShare = bodyParagraphs <= 0 ? 0 : statistics[element].Paragraphs / bodyParagraphs;
        if (ownShare > limit)
        {
            return null;
        }

        foreach (var name in names.OrderBy(n => n.Cost))
        {
            if (proposed.Contains(name.Css))
            {
                taken.Add(element);
                return null;
            }

            var inside = SelectorNaming.Outermost(SelectorNaming.Matches(document, name.Css))
                .Where(m => !containerSet.Contains(m) && containers.Any(c => Dom.IsInside(m, c)))
                .ToList();
            if (inside.Count == 0 || inside.Count > 30 || !inside.Contains(element) && !inside.Any(m => Dom.IsInside(element, m)))
            {
                continue;
            }

            // A name the junk shares with article blocks ("full-width") would take them too.
            if (inside.Any(m => m != element && Reason(m, statistics) is null))
            {
                continue;
            }

            var removed = inside.Sum(m => statistics[m].Paragraphs);
            if (bodyParagraphs > 0 && removed / bodyParagraphs > limit)
            {
                continue;
            }

            proposed.Add(name.Css);
            foreach (var match in inside)
            {
                taken.Add(match);
            }

            return new JunkGuess(name.Css, reason.Confidence, reason.Why);
        }

        return null;
    }
}
