using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// The authors: a visible byline (microdata, <c>rel=author</c>, or an element whose class says
/// author or byline), the author meta tags, or the JSON-LD author. A source whose names another
/// source confirms ranks first; selectors that match many names (a list of teasers) are refused.
/// </summary>
internal static class AuthorFinder
{
    private const int MaxAuthors = 5;

    private static readonly string[] Microdata =
    {
        "[itemprop=\"author\"] [itemprop=\"name\"]", "a[rel~=\"author\"]", "[rel~=\"author\"]", "[itemprop=\"author\"]",
    };

    private static readonly string[] MetaNames =
    {
        "author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
    };

    private static readonly Regex BylineWord = new(
        "(^|[-_ ])(author|authors|byline|bylines|writer|autor|auteur|reporter|contributor)(name|s)?([-_ ]|$)|[a-z](Author|Byline)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex NotAName = new("(https?:|www\\.|@|\\d{3,}|[|•])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex LeadingBy = new("^(by|from)\\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private sealed record Candidate(string Selector, List<string> Names, string Kind, double Base);

    public static FieldGuess? Find(IDocument document, TextStatistics statistics, JsonLd jsonLd)
    {
        var candidates = new List<Candidate>();

        foreach (var css in Microdata)
        {
            Add(candidates, document, css, "microdata byline", 0.75);
        }

        var bylines = statistics.Elements
            .Where(e => e.ClassList.Any(c => BylineWord.IsMatch(c)) || (e.Id is { } id && BylineWord.IsMatch(id)))
            .Where(e => !e.ClassList.Any(c => c.Contains("bio", StringComparison.OrdinalIgnoreCase) || c.Contains("avatar", StringComparison.OrdinalIgnoreCase) || c.Contains("image", StringComparison.OrdinalIgnoreCase)))
            .Take(30);
        foreach (var byline in bylines)
        {
            // The names are often links inside the byline: prefer them to the whole "By … and …" line.
            var links = byline.QuerySelectorAll("a").Where(a => Guessing.TextOf(a).Length > 0).ToList();
            foreach (var name in SelectorNaming.Own(byline).Where(n => n.Cost <= 2).Take(3))
            {
                if (links.Count > 0)
                {
                    Add(candidates, document, name.Css + " a", "byline links", 0.65);
                }

                Add(candidates, document, name.Css, "byline", 0.6);
            }
        }

        foreach (var key in MetaNames)
        {
            if (MetaTags.Find(document, key) is { } meta && Clean(meta.Value) is { } name)
            {
                candidates.Add(new Candidate(meta.Selector, new List<string> { name }, "author meta tag", 0.65));
            }
        }

        var fromJson = jsonLd.Authors.Select(Clean).OfType<string>().ToList();

        if (candidates.Count == 0 && fromJson.Count == 0)
        {
            return null;
        }

        // A source confirmed by another (a visible name that the meta tags or JSON-LD also give) is the surest.
        Candidate? best = null;
        var bestScore = double.MinValue;
        var confirmedBy = new Dictionary<Candidate, string>();
        foreach (var candidate in candidates)
        {
            var score = candidate.Base;
            var other = candidates.FirstOrDefault(o => o.Kind != candidate.Kind && Overlaps(o.Names, candidate.Names));
            if (other is not null)
            {
                score += 0.2;
                confirmedBy[candidate] = other.Kind;
            }
            else if (Overlaps(fromJson, candidate.Names))
            {
                score += 0.2;
                confirmedBy[candidate] = "JSON-LD";
            }

            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        if (best is null)
        {
            // Only JSON-LD names the author: read it from the script with a pattern.
            return FieldGuess.Of("author", new[] { JsonLd.ScriptSelector }, 0.55, "the JSON-LD author (no visible byline or author meta)", JsonLd.AuthorPattern);
        }

        var alternatives = new List<string> { best.Selector };
        alternatives.AddRange(candidates
            .Where(c => c.Kind != best.Kind && Overlaps(c.Names, best.Names))
            .Select(c => c.Selector)
            .Take(2));
        var evidence = confirmedBy.TryGetValue(best, out var by) ? $"{best.Kind}, confirmed by {by}" : best.Kind;
        return FieldGuess.Of("author", alternatives, Math.Min(bestScore, 0.95), $"{evidence}: {string.Join(", ", best.Names)}");
    }

    private static void Add(List<Candidate> candidates, IDocument document, string css, string kind, double confidence)
    {
        if (candidates.Any(c => c.Selector == css))
        {
            return;
        }

        var names = new List<string>();
        foreach (var element in SelectorNaming.Matches(document, css))
        {
            var text = Guessing.TextOf(element);
            if (text.Length == 0)
            {
                continue;
            }

            if (Clean(text) is not { } name)
            {
                return; // one match that is not a name spoils the selector
            }

            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        if (names.Count > 0 && names.Count <= MaxAuthors)
        {
            candidates.Add(new Candidate(css, names, kind, confidence));
        }
    }

    /// <summary>The text as a name, "By " removed; null when it does not look like one.</summary>
    private static string? Clean(string text)
    {
        var name = LeadingBy.Replace(text.Trim(), string.Empty).Trim();
        if (name.Length < 2 || name.Length > 80 || NotAName.IsMatch(name) || name.Contains('\n'))
        {
            return null;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var letters = name.Count(char.IsLetter);
        return words.Length <= 8 && letters >= 0.6 * name.Replace(" ", string.Empty).Length ? name : null;
    }

    private static bool Overlaps(List<string> a, List<string> b) =>
        a.Any(x => b.Any(y => x.Equals(y, StringComparison.OrdinalIgnoreCase) || (x.Length > 3 && y.Contains(x, StringComparison.OrdinalIgnoreCase)) || (y.Length > 3 && x.Contains(y, StringComparison.OrdinalIgnoreCase))));
}
