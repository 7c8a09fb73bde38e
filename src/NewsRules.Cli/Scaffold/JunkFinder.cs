using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Generic;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>One junk selector the scaffold proposes, and why.</summary>
internal sealed record JunkGuess(string Selector, double Confidence, string Evidence);

/// <summary>
/// Finds what does not belong inside the body: share bars, related links, ads, "read also"
/// and newsletter boxes, recognized by the runtime's vocabulary of page furniture
/// (<see cref="Hints"/>: tag, role, class and id, as the generic extractor reads them), by
/// being mostly links, or by an <c>aside</c>. A candidate is proposed only under a stable name, and only when
/// everything that name matches inside the body holds little of the body's paragraph text.
/// </summary>
internal static class JunkFinder
{
    private const int MaxJunk = 12;

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
            // The measured elements below the container, in document order: a range of the statistics' elements.
            var at = statistics.IndexOf(container);
            if (at < 0)
            {
                continue;
            }

            var end = statistics.End(at);
            var i = at + 1;
            while (i < end && guesses.Count < MaxJunk)
            {
                var element = statistics.Elements[i];
                var reason = Reason(element, statistics);
                var guess = reason is null ? null : Name(document, element, reason.Value, containers, containerSet, bodyParagraphs, statistics, proposed, taken);
                if (guess is not null)
                {
                    guesses.Add(guess);
                }

                // Into the element, or past it when it is junk already (proposed or taken by a name).
                i = guess is null && !taken.Contains(element) ? i + 1 : statistics.End(i);
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

        // The runtime's vocabulary of page furniture (tag, role, class and id), as the generic extractor reads it.
        // Not a heading nor what holds one: sub-headings named like widgets ("widget-title") are the article's.
        if (Hints.Of(element) is Hint.Boilerplate or Hint.Structure && element.LocalName is not ("h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            && (!small || SelectorNaming.First(element, "h2, h3, h4, h5, h6") is null || measure.Links * 2 > measure.Total))
        {
            var names = Hints.Names(element);
            return (Hints.BoilerplateTags.Contains(element.LocalName) || names is not { Length: > 0 } || Hints.OfNames(names) is not (Hint.Boilerplate or Hint.Structure)
                ? $"page furniture by its tag or role (<{element.LocalName}>)"
                : $"page furniture by its class or id ('{Guessing.Preview(names, 40)}')", 0.8);
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
