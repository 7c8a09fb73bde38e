using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Html;
using NewsRules.Text;

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

    // How bylines begin in the languages of the corpus. English "By" the engine removes itself;
    // for the others the rule gets a pattern.
    private static readonly Regex LeadingBy = new("^(by|from)\\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex BylinePrefix = new("^(?:(?:written by|von|par|por|door|di|av|af)\\s+|(?:كتب|كتبت|بقلم|作者|文|記者)\\s*[:：]\\s*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Link texts of byline widgets that are not names.
    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "follow", "email", "e-mail", "bio", "rss", "feed", "archive", "archives", "comments", "comment", "view", "more",
        "subscribe", "share", "twitter", "facebook", "instagram", "linkedin", "profile", "photograph", "photo", "photos",
        "credit", "getty", "images", "staff", "contact", "updated", "published", "posted", "min", "read",
    };

    private sealed record Candidate(string Selector, List<string> Names, string Kind, double Base, string? Prefix = null)
    {
        /// <summary>Independent sources confirm each other; two selectors over one byline do not.</summary>
        public bool Visible => Kind != MetaKind;
    }

    private const string MetaKind = "author meta tag";

    public static FieldGuess? Find(IDocument document, TextStatistics statistics, IReadOnlyList<IElement> body)
    {
        var candidates = new List<Candidate>();
        var context = new Context(document, statistics, body);

        foreach (var css in Microdata)
        {
            Add(candidates, context, css, "microdata byline", 0.75);
        }

        var bylines = statistics.Elements
            .Where(e => e.ClassList.Any(c => BylineWord.IsMatch(c)) || (e.Id is { } id && BylineWord.IsMatch(id)))
            .Where(e => !e.ClassList.Any(c => c.Contains("bio", StringComparison.OrdinalIgnoreCase) || c.Contains("avatar", StringComparison.OrdinalIgnoreCase) || c.Contains("image", StringComparison.OrdinalIgnoreCase)))
            .Take(30);
        foreach (var byline in bylines)
        {
            // The names are often links inside the byline: prefer them to the whole "By … and …" line.
            var links = SelectorNaming.All(byline, "a").Where(a => Guessing.TextOf(a).Length > 0).ToList();
            foreach (var name in SelectorNaming.Own(byline).Where(n => n.Cost <= 2).Take(3))
            {
                if (links.Count > 0)
                {
                    Add(candidates, context, name.Css + " a", "byline links", 0.65);
                }

                Add(candidates, context, name.Css, "byline", 0.6);
            }
        }

        // The page's own statements, as the runtime reads them: the author meta tags and the JSON-LD author.
        var metas = new MetaTags(document);
        foreach (var key in MetaNames)
        {
            if (metas.First(key) is { } meta && Clean(meta.Value) is { } name && GenericDraft.MetaSelector(document, key) is { } css)
            {
                candidates.Add(new Candidate(css, new List<string> { name }, MetaKind, 0.65));
            }
        }

        var jsonLd = JsonLd.Read(document);
        var fromJson = (jsonLd is null ? new List<string>() : jsonLd.Authors.Count > 0 ? jsonLd.Authors : jsonLd.PageAuthors).Select(Clean).OfType<string>().ToList();

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
            var other = candidates.FirstOrDefault(o => o.Visible != candidate.Visible && Overlaps(o.Names, candidate.Names));
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
            return FieldGuess.Of("author", new[] { "ld:author" }, 0.55, "the JSON-LD author (no visible byline or author meta)");
        }

        var alternatives = new List<string> { best.Selector };
        alternatives.AddRange(candidates
            .Where(c => c.Visible != best.Visible && Overlaps(c.Names, best.Names))
            .Select(c => c.Selector)
            .Take(2));
        var evidence = confirmedBy.TryGetValue(best, out var by) ? $"{best.Kind}, confirmed by {by}" : best.Kind;

        // "كتب: …", "Von …": a pattern keeps the name (an English "By" the engine drops itself).
        var pattern = best.Prefix is null ? null : $"^\\s*(?:{Regex.Escape(best.Prefix).Replace("\\ ", "\\s*")}\\s*)?(.+?)\\s*$";
        return FieldGuess.Of("author", alternatives, Math.Min(bestScore, 0.95), $"{evidence}: {string.Join(", ", best.Names)}", pattern);
    }

    private sealed record Context(IDocument Document, TextStatistics Statistics, IReadOnlyList<IElement> Body);

    private static void Add(List<Candidate> candidates, Context context, string css, string kind, double confidence)
    {
        if (candidates.Any(c => c.Selector == css))
        {
            return;
        }

        var names = new List<string>();
        string? prefix = null;
        var end = context.Body.Count > 0 ? context.Body[context.Body.Count - 1] : null;
        foreach (var element in SelectorNaming.Matches(context.Document, css))
        {
            var text = Guessing.TextOf(element);
            if (text.Length == 0)
            {
                continue;
            }

            // Names in teaser lists, navigation or comments, or after the article, are other articles' authors.
            if (context.Statistics.IsFurniture(element)
                || (end is not null && !Dom.IsInside(element, end) && end.CompareDocumentPosition(element).HasFlag(DocumentPositions.Following)))
            {
                return;
            }

            if (BylinePrefix.Match(LeadingBy.Replace(text.Trim(), string.Empty)) is { Success: true } found)
            {
                prefix ??= found.Value.Trim();
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
            candidates.Add(new Candidate(css, names, kind, confidence, prefix));
        }
    }

    /// <summary>The text as a name, "By " removed; null when it does not look like one.</summary>
    private static string? Clean(string text)
    {
        var name = BylinePrefix.Replace(LeadingBy.Replace(text.Trim(), string.Empty).Trim(), string.Empty).Trim();
        if (name.Length < 2 || name.Length > 80 || NotAName.IsMatch(name) || name.Contains('\n'))
        {
            return null;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => NotNameWords.Contains(w.Trim('+', '.', ',', ':', '(', ')'))))
        {
            return null;
        }

        var letters = name.Count(char.IsLetter);
        return words.Length <= 8 && letters >= 0.6 * name.Replace(" ", string.Empty).Length ? name : null;
    }

    private static bool Overlaps(List<string> a, List<string> b) =>
        a.Any(x => b.Any(y => x.Equals(y, StringComparison.OrdinalIgnoreCase) || (x.Length > 3 && y.Contains(x, StringComparison.OrdinalIgnoreCase)) || (y.Length > 3 && x.Contains(y, StringComparison.OrdinalIgnoreCase))));
}
