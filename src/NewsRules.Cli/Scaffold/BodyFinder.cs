using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AngleSharp.Dom;

namespace NewsRules.Cli.Scaffold;

/// <summary>The body the scaffold proposes: selector alternatives, the elements the first one matches, and why.</summary>
internal sealed record BodyGuess(IReadOnlyList<string> Selectors, IReadOnlyList<IElement> Containers, double Confidence, string Evidence)
{
    /// <summary>
    /// True when the rule leaves the body to the fallback (the generic extractor's body): the
    /// selectors are then only a stand-in for trial runs and are written as a comment.
    /// </summary>
    public bool LeftToFallback { get; init; }
}

/// <summary>
/// Finds the article body: the element (or the set of elements one selector names) holding
/// most of the page's paragraph text for the least link and short text, and names it by an id,
/// a distinctive class or a hook attribute. Candidates are the best-scoring elements, their
/// ancestors and the elements around them; every candidate selector is scored by what it
/// matches in the page, so a class shared by sibling text columns wins over any one column.
/// </summary>
internal static class BodyFinder
{
    // Selectors whose value is within this fraction of the best are as good: the sturdiest wins.
    private const double Tie = 0.97;

    // Pages whose article is mostly links (deal lists, link roundups) or mostly short lines
    // score nothing positive at the usual costs: then link text, and then short text, cost less.
    private static readonly Costs[] Relaxed = { TextStatistics.DefaultCosts, new(0.25, 0.3), new(0, 0.1) };

    public static BodyGuess? Find(IDocument document, TextStatistics statistics)
    {
        if (statistics.PageParagraphs <= 0)
        {
            return null;
        }

        foreach (var costs in Relaxed)
        {
            if (Find(document, statistics, costs) is { } guess)
            {
                return costs == TextStatistics.DefaultCosts
                    ? guess
                    : guess with { Confidence = Math.Round(guess.Confidence * 0.7, 2), Evidence = guess.Evidence + " (an article of mostly links or short lines: less sure)" };
            }
        }

        return null;
    }

    private static BodyGuess? Find(IDocument document, TextStatistics statistics, Costs costs)
    {
        var ranked = statistics.Elements
            .Where(e => e.LocalName is not ("html" or "head"))
            .Select(e => (Element: e, Score: statistics.Score(e, costs)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        var best = ranked[0];

        // Candidates: well-scoring elements, and the ancestors of the best (a named wrapper that
        // adds little noise beats an anonymous element).
        var candidates = new List<IElement>();
        var seen = new HashSet<IElement>();
        foreach (var (element, score) in ranked)
        {
            if (score < 0.25 * best.Score || candidates.Count >= 60)
            {
                break;
            }

            // Containers only: a selector naming paragraphs would lose the lists, headings and loose text between them.
            if (element.LocalName is not ("p" or "li" or "span" or "a" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol" or "font" or "b" or "i" or "em" or "strong")
                && seen.Add(element))
            {
                candidates.Add(element);
            }
        }

        for (var ancestor = best.Element.ParentElement; ancestor is not null && ancestor.LocalName != "html"; ancestor = ancestor.ParentElement)
        {
            if (seen.Add(ancestor))
            {
                candidates.Add(ancestor);
            }
        }

        var selectors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            // Names through ancestors only where the element has no name of its own, and for the best.
            var own = SelectorNaming.Own(candidate);
            IEnumerable<NamedSelector> names = own;
            if ((own.Count == 0 || candidate == best.Element) && !statistics.IsDeep)
            {
                names = names.Concat(SelectorNaming.Qualified(candidate, 4, bareTag: false));
            }

            if (own.Count == 0 && candidate.ParentElement is { } parent && !statistics.IsDeep)
            {
                // An anonymous element: its named parent's children of its kind ("#story > div").
                names = names.Concat(SelectorNaming.Own(parent).Where(n => n.Cost <= 2).Take(3).Select(n => new NamedSelector($"{n.Css} > {candidate.LocalName}", n.Cost + 2)));
            }

            if (!statistics.IsDeep && statistics[candidate].Elements < 20_000 && SelectorNaming.First(candidate, "h1") is not null)
            {
                // A name the site also gives to boxes around other things: the one holding the headline.
                names = names.Concat(own.Where(n => n.Cost <= 2).Take(3).Select(n => new NamedSelector($"{n.Css}:has(h1)", n.Cost + 1)));
            }

            foreach (var name in names)
            {
                if (!selectors.TryGetValue(name.Css, out var cost) || name.Cost < cost)
                {
                    selectors[name.Css] = name.Cost;
                }
            }
        }

        // The page's <body> is the last resort: always valid, rarely clean.
        selectors.TryAdd("body", 6);

        var scored = new List<(string Css, int Cost, double Value, List<IElement> Matches)>();
        foreach (var (css, cost) in selectors)
        {
            var matches = SelectorNaming.Outermost(SelectorNaming.Matches(statistics.Elements, css));
            if (matches.Count == 0 || matches.Count > 40)
            {
                continue;
            }

            var value = matches.Sum(m => statistics.Score(m, costs));
            if (value > 0)
            {
                scored.Add((css, cost, value, matches));
            }
        }

        if (scored.Count == 0)
        {
            return null;
        }

        var top = scored.Max(s => s.Value);
        var chosen = scored
            .Where(s => s.Value >= Tie * top)
            .OrderBy(s => s.Cost)
            .ThenByDescending(s => s.Value)
            .ThenBy(s => s.Css.Length)
            .ThenBy(s => s.Css, StringComparer.Ordinal)
            .First();

        // A second alternative for pages of the site laid out a little differently: the best
        // selector naming other elements, by a sturdier kind of name, that does nearly as well.
        var chosenSet = new HashSet<IElement>(chosen.Matches);
        var fallback = scored
            .Where(s => s.Css != chosen.Css && s.Cost <= 2 && s.Value >= 0.8 * top && !s.Matches.All(chosenSet.Contains))
            .OrderByDescending(s => s.Value)
            .ThenBy(s => s.Cost)
            .ThenBy(s => s.Css, StringComparer.Ordinal)
            .Select(s => s.Css)
            .FirstOrDefault();

        var measure = chosen.Matches.Aggregate(default(Measure), (sum, e) => sum.Plus(statistics[e]));
        var share = measure.Paragraphs / statistics.PageParagraphs;
        var purity = measure.Total <= 0 ? 0 : (measure.Paragraphs + measure.Neutral) / measure.Total;
        var confidence = share * (0.5 + (0.5 * purity));
        if (measure.ParagraphCount < 3)
        {
            confidence *= 0.6;
        }

        var evidence = string.Format(
            CultureInfo.InvariantCulture,
            "{0} element(s) holding {1:0}% of the page's paragraph text in {2} paragraph(s); {3:0}% of their text is links or short lines",
            chosen.Matches.Count,
            100 * share,
            measure.ParagraphCount,
            measure.Total <= 0 ? 0 : 100 * (measure.Links + measure.Short) / measure.Total);

        var alternatives = fallback is null ? new[] { chosen.Css } : new[] { chosen.Css, fallback };
        return new BodyGuess(alternatives, chosen.Matches, Math.Round(Math.Clamp(confidence, 0, 1), 2), evidence);
    }
}
