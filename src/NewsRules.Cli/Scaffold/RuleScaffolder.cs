using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Cli.Conformance;
using NewsRules.Generic;
using NewsRules.Loading;
using NewsRules.Output;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>The result of scaffolding: the rule's text, what it guessed, and the article the rule extracts from the page.</summary>
internal sealed record ScaffoldResult(RuleDraft Draft, string Yaml, Article Article);

/// <summary>One page a draft is made from: the parsed page, its address, and how the rule's comments name it.</summary>
internal sealed record ScaffoldPage(IDocument Document, Uri Url, string SamplePath);

/// <summary>
/// Drafts a rule for pages of a site no rule knows. The draft names, with stable selectors,
/// what the generic extractor chooses on every page given (<see cref="GenericDraft"/>): its body
/// containers (an alternative per layout where the pages differ), and the heading, byline, date
/// element, meta tag or JSON-LD property each field came from. Where that source has no selector,
/// the page readers of the scaffold propose one. Each field is then run over every page through
/// the same loader and engine as <c>extract --rule</c>, and kept only where it gives what the
/// generic extractor gives there; the rest is left to <c>fallback: true</c> (the generic
/// extractor fills it), with the reason as a comment. So an untouched draft extracts at least
/// what the generic extractor does on the pages it was made from.
/// </summary>
internal static class RuleScaffolder
{
    private static readonly string[] MetadataFields = { "title", "author", "published", "lead", "image" };

    /// <summary>Drafts a rule from one page; null when the page holds no paragraph text to build a body from.</summary>
    public static ScaffoldResult? Create(IDocument document, Uri url, string site, string domain, string samplePath, string rulePath) =>
        Create(new[] { new ScaffoldPage(document, url, samplePath) }, site, domain, rulePath);

    /// <summary>Drafts a rule from several pages of one site; null when the first holds no paragraph text to build a body from.</summary>
    public static ScaffoldResult? Create(IReadOnlyList<ScaffoldPage> pages, string site, string domain, string rulePath)
    {
        var document = pages[0].Document;
        if (document.DocumentElement is null)
        {
            return null;
        }

        // Each page is scanned once: the generic extractor's run gives both its choices and its
        // article, and on the first page the scaffold's text statistics are a view over the page
        // tree that run read (the tree is asked for here; the choices do not keep it).
        var first = GenericChoices.Of(document, pages[0].Url, out var tree);
        var runs = pages.Select((p, i) => GenericExtractor.Run(p.Document, p.Url, choices: i == 0 ? first : null)).ToList();
        var choices = runs.Select(r => r.Choices).ToList();
        var generic = runs.Select(r => r.Article).ToList();
        if (tree is null)
        {
            return null;
        }

        var statistics = TextStatistics.Of(tree);
        var body = GenericDraft.Body(pages, choices);
        if (body is null)
        {
            body = BodyFinder.Find(document, statistics);
            if (body is null)
            {
                return null;
            }

            // No stable name finds the generic extractor's body, and the scaffold's own pick holds
            // far less of it, or far more words than it and mostly links (a
            // link-heavy page's <body>): the fallback's body is the better draft. A clean pick
            // far larger than the generic body is kept: there the generic body missed text.
            if (CompareWithGeneric(body, pages, generic) is { } agreement)
            {
                var picked = body.Containers.Aggregate(default(Measure), (sum, e) => sum.Plus(statistics[e]));
                var noisy = picked.Total > 0 && picked.Links / picked.Total > MaxLinks;
                var why = agreement.Share < MinGenericShare
                    ? string.Create(CultureInfo.InvariantCulture, $"holds {100 * agreement.Share:0}% of its words on {pages[agreement.SharePage].SamplePath}")
                    : agreement.Excess > MaxGenericExcess && noisy
                        ? string.Create(CultureInfo.InvariantCulture, $"holds {agreement.Excess:0.#} times as many words as it on {pages[agreement.ExcessPage].SamplePath}")
                        : null;
                if (why is not null)
                {
                    body = body with
                    {
                        LeftToFallback = true,
                        Evidence = $"left to the fallback (the generic extractor's body): no stable name finds its containers, and the best selector the scaffold found, '{body.Selectors[0]}', {why} ({body.Evidence})",
                    };
                }
            }
        }

        var captionsDeclined = (string?)null;
        var captions = body.LeftToFallback ? null : CaptionNaming.Name(choices[0], body.Selectors[0], body.Containers, out captionsDeclined);
        var language = LanguageFinder.Find(document, choices[0].Metadata);

        // Per field, the candidates best first: the generic extractor's source, then the scaffold's own reading.
        var candidates = new Dictionary<string, List<FieldGuess>>(StringComparer.Ordinal);
        void Add(string field, FieldGuess? guess)
        {
            if (guess is not null)
            {
                (candidates.TryGetValue(field, out var list) ? list : candidates[field] = new List<FieldGuess>()).Add(guess);
            }
        }

        foreach (var title in GenericDraft.StatedTitle(document, choices[0]))
        {
            Add("title", title);
        }

        Add("lead", GenericDraft.VisibleLead(document, choices[0], statistics, body.Containers));
        foreach (var field in MetadataFields)
        {
            Add(field, GenericDraft.Field(field, document, choices[0], statistics));
        }

        var tag = language?.Tag ?? choices[0].Metadata.Language;
        if (choices[0].Metadata.Sources.GetValueOrDefault("published") is null or "text" or "byline text" or "URL")
        {
            // The date is only shown for people: the element, with the format, culture and zone the engine reads it with.
            Add("published", VisibleDate.Find(document, statistics, choices[0].Metadata.DateElement, tag, domain, body.Containers));
        }


        var draft = new RuleDraft(
            site,
            domain,
            pages[0].Url,
            pages[0].SamplePath,
            language,
            null,
            null,
            null,
            null,
            null,
            body,
            captions,
            body.LeftToFallback ? new List<JunkGuess>() : WithoutDuplicates(JunkFinder.Find(document, body.Containers, statistics).Where(j => !HidesCaption(j, choices[0], body.Containers))
                .Concat(GenericDraft.MetadataJunk(document, choices[0], body.Containers))
                .Concat(GenericDraft.ExcludedJunk(choices[0], body.Containers))
                .Concat(GenericDraft.RepeatedJunk(pages, choices))
                .GroupBy(j => j.Selector, StringComparer.Ordinal)
                .Select(g => g.First())
                .ToList(), body.Containers))
        {
            Dropped = body.LeftToFallback
                ? new Dictionary<string, string> { ["captions"] = "left to the fallback with the body (the generic extractor's captions)" }
                : captionsDeclined is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["captions"] = captionsDeclined },
        };

        // A site that writes its zone on this page may leave it out on others: read those in the zone the offset shows.
        if (generic[0].Published is { } shown && VisibleDate.ZoneShownBy(shown, domain, tag) is { } zone && candidates.TryGetValue("published", out var dates))
        {
            for (var i = 0; i < dates.Count; i++)
            {
                if (dates[i].TimeZone is null && dates[i].Format is null)
                {
                    dates[i] = dates[i] with { TimeZone = zone, Evidence = dates[i].Evidence + $"; values without an offset read in {zone} (the offset this page writes)" };
                }
            }
        }

        return TrialRun(draft, candidates, pages, generic, rulePath);
    }

    /// <summary>
    /// Picks, per field, the first candidate that gives what the generic extractor gives on every
    /// page (without the fallback, so that an empty field shows); a field no candidate agrees on
    /// is left to the fallback. Then runs the final rule over every page for the report.
    /// </summary>
    private static ScaffoldResult TrialRun(RuleDraft draft, Dictionary<string, List<FieldGuess>> candidates, IReadOnlyList<ScaffoldPage> pages, IReadOnlyList<Article> generic, string rulePath)
    {
        var chosen = new Dictionary<string, FieldGuess>(StringComparer.Ordinal);
        var dropped = new Dictionary<string, string>(draft.Dropped, StringComparer.Ordinal);
        var tried = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var round = 0; round < 4; round++)
        {
            var trial = new Dictionary<string, FieldGuess>(chosen, StringComparer.Ordinal);
            foreach (var (field, list) in candidates)
            {
                if (!chosen.ContainsKey(field) && round < list.Count)
                {
                    trial[field] = list[round];
                }
            }

            var pending = trial.Keys.Where(f => !chosen.ContainsKey(f)).ToList();
            if (pending.Count == 0)
            {
                break;
            }

            // A rule without the fallback needs a title: a stand-in when no candidate is left for it.
            var test = With(draft, trial) with { Fallback = false };
            test = test.Title is null ? test with { Title = FieldGuess.Of("title", new[] { "title", "h1", "body" }, 0, "stand-in for the trial run") } : test;
            var articles = Run(test, pages, rulePath);
            foreach (var field in pending)
            {
                // A value the engine took from the generic extractor (rot: nothing matched) is not the draft's.
                var disagree = Enumerable.Range(0, pages.Count)
                    .Where(i => !Agrees(field, articles[i], generic[i], trial[field]) || articles[i].Warnings.Any(w => (w.StartsWith(field + ":", StringComparison.Ordinal) && !(trial[field].Format is not null && w.Contains("has no UTC offset", StringComparison.Ordinal))) || w.Contains(field + " filled by the generic", StringComparison.Ordinal)))
                    .ToList();
                if (disagree.Count == 0)
                {
                    chosen[field] = trial[field];
                }
                else
                {
                    (tried.TryGetValue(field, out var t) ? t : tried[field] = new List<string>())
                        .Add($"'{string.Join("', '", trial[field].Selectors)}' gave {Shown(field, articles[disagree[0]])} on {pages[disagree[0]].SamplePath}");
                }
            }
        }

        foreach (var field in MetadataFields)
        {
            if (!chosen.ContainsKey(field))
            {
                var what = generic.Any(a => Value(field, a) is not null) ? "the generic extractor fills it" : "the generic extractor found none either";
                dropped[field] = tried.TryGetValue(field, out var t)
                    ? $"left to the fallback ({what}): {string.Join("; ", t)}, not what the generic extractor reads there"
                    : $"left to the fallback ({what}): {RuleYamlWriter.MissingReason(field)}";
            }
        }

        var final = With(draft, chosen) with { Dropped = dropped, Fallback = true };
        var yaml = RuleYamlWriter.Write(final, rulePath);
        var finalArticles = pages.Select(p => RuleLoader.LoadText(yaml, rulePath).Extract(p.Document, p.Url)).ToList();
        var notes = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var article = finalArticles[i];
            var words = BodyAgreement.Words(article.Text).Values.Sum();
            var genericWords = BodyAgreement.Words(generic[i].Text).Values.Sum();
            notes.Add($"{pages[i].SamplePath}: title {Shown("title", article)}; body {words} words (the generic extractor: {genericWords}); "
                + $"author {Shown("author", article)}; published {Shown("published", article)}");
        }

        final = final with { PageNotes = notes };
        yaml = RuleYamlWriter.Write(final, rulePath);
        return new ScaffoldResult(final, yaml, finalArticles[0]);
    }

    /// <summary>
    /// The smallest share of the generic extractor's body words, on the page where it is
    /// smallest, that the scaffold's own body pick must hold to be written.
    /// </summary>
    private const double MinGenericShare = 0.5;

    /// <summary>
    /// How many times the generic extractor's body words, on the page where it is most, the
    /// scaffold's own body pick may hold to be written when most of its text is links: a pick far larger takes the page's furniture with the article.
    /// </summary>
    private const double MaxGenericExcess = 3;

    /// <summary>
    /// The share of link text (and page furniture) above which a pick that large is page furniture
    /// with an article inside. Short lines do not count: an article of short lines (a vulnerability
    /// table on jvndb.jvn.jp) is larger than the generic body because the generic body misses it.
    /// </summary>
    private const double MaxLinks = 0.5;

    /// <summary>
    /// Over the pages given, the smallest share of the generic extractor's body words that the
    /// body's selectors (the first alternative that matches) hold, and the page it is on; the
    /// largest ratio of the words they hold (visible text) to the generic body's words, and its
    /// page. Null when the generic extractor finds no body text on any page.
    /// </summary>
    private static GenericAgreement? CompareWithGeneric(BodyGuess body, IReadOnlyList<ScaffoldPage> pages, IReadOnlyList<Article> generic)
    {
        GenericAgreement? agreement = null;
        for (var i = 0; i < pages.Count; i++)
        {
            var theirs = BodyAgreement.Words(generic[i].Text);
            var total = theirs.Values.Sum();
            if (total == 0)
            {
                continue;
            }

            var containers = body.Selectors
                .Select(css => SelectorNaming.Outermost(SelectorNaming.Matches(pages[i].Document, css)))
                .FirstOrDefault(m => m.Count > 0) ?? new List<IElement>();
            var ours = BodyAgreement.Words(string.Join("\n", containers.Select(c => c.TextContent)));
            var held = theirs.Sum(w => Math.Min(w.Value, ours.GetValueOrDefault(w.Key)));
            var share = (double)held / total;
            var excess = (double)BodyAgreement.Words(string.Join("\n", containers.Select(HtmlText.Of))).Values.Sum() / total;
            agreement = agreement is not { } seen
                ? new GenericAgreement(share, i, excess, i)
                : new GenericAgreement(
                    Math.Min(share, seen.Share),
                    share < seen.Share ? i : seen.SharePage,
                    Math.Max(excess, seen.Excess),
                    excess > seen.Excess ? i : seen.ExcessPage);
        }

        return agreement;
    }

    /// <summary>How the scaffold's own body pick compares with the generic extractor's body (see <see cref="CompareWithGeneric"/>).</summary>
    private readonly record struct GenericAgreement(double Share, int SharePage, double Excess, int ExcessPage);

    /// <summary>
    /// True when a junk entry would take a caption the generic extractor lifts out (or a
    /// figcaption), what holds one, or part of one: the draft's captions would lose it.
    /// </summary>
    private static bool HidesCaption(JunkGuess junk, GenericChoices choices, IReadOnlyList<IElement> containers)
    {
        var captions = containers.SelectMany(c => SelectorNaming.All(c, "figcaption"))
            .Concat(choices.Content?.Captions ?? Enumerable.Empty<IElement>())
            .ToList();
        if (captions.Count == 0)
        {
            return false;
        }

        var inside = containers.SelectMany(c => SelectorNaming.All(c, "*")).ToList();
        return SelectorNaming.Matches(inside, junk.Selector)
            .Any(m => captions.Any(c => c == m || Dom.IsInside(c, m) || Dom.IsInside(m, c)));
    }

    /// <summary>
    /// Junk entries without the ones that remove nothing an earlier one does not ('.entry-title'
    /// after 'h1.entry-title' on a page where both match the headline only).
    /// </summary>
    private static List<JunkGuess> WithoutDuplicates(List<JunkGuess> junk, IReadOnlyList<IElement> containers)
    {
        var inside = containers.SelectMany(c => SelectorNaming.All(c, "*")).ToList();
        var removed = new HashSet<IElement>();
        var kept = new List<JunkGuess>();
        foreach (var entry in junk)
        {
            var matches = SelectorNaming.Matches(inside, entry.Selector);
            if (matches.Count > 0 && matches.All(m => removed.Contains(m) || removed.Any(r => Dom.IsInside(m, r))))
            {
                continue;
            }

            removed.UnionWith(matches);
            kept.Add(entry);
        }

        return kept;
    }

    private static RuleDraft With(RuleDraft draft, IReadOnlyDictionary<string, FieldGuess> fields) => draft with
    {
        Title = fields.GetValueOrDefault("title"),
        Author = fields.GetValueOrDefault("author"),
        Published = fields.GetValueOrDefault("published"),
        Lead = fields.GetValueOrDefault("lead"),
        Image = fields.GetValueOrDefault("image"),
    };

    private static List<Article> Run(RuleDraft draft, IReadOnlyList<ScaffoldPage> pages, string rulePath)
    {
        var yaml = RuleYamlWriter.Write(draft, rulePath);
        var rule = RuleLoader.LoadText(yaml, rulePath);
        return pages.Select(p => rule.Extract(p.Document, p.Url)).ToList();
    }

    /// <summary>True when the draft's value of a field is the generic extractor's (a field both leave empty agrees).</summary>
    private static bool Agrees(string field, Article draft, Article generic, FieldGuess guess)
    {
        if (field == "published" && guess.Format is not null)
        {
            // A date read from visible text: the generic extractor's date where it has one (the same day,
            // its time of day may come from elsewhere), else any date the draft reads.
            return draft.Published is { } shown && (generic.Published is not { } other || Math.Abs((shown - other).TotalHours) <= 26);
        }

        if (field == "author")
        {
            var a = draft.Authors.Select(FundusRunner.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var b = generic.Authors.Select(FundusRunner.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);

            // The same names, or the generic extractor's with a byline word the draft's pattern cuts ("كتب: X" → "X").
            return a.Count > 0 && (a.SetEquals(b) || (a.Count == b.Count && a.All(n => b.Any(g => g.EndsWith(" " + n, StringComparison.Ordinal)))));
        }

        if (field == "published")
        {
            return draft.Published is { } x && generic.Published is { } y && x.UtcDateTime == y.UtcDateTime;
        }

        var ours = FundusRunner.Normalize(Value(field, draft));
        var theirs = FundusRunner.Normalize(Value(field, generic));
        if (field == "lead" && ours is not null && theirs is not null && Guessing.Agree(ours, theirs))
        {
            // The visible standfirst says what the description the generic extractor read says.
            return true;
        }

        return ours is not null && string.Equals(ours, theirs, StringComparison.Ordinal);
    }

    private static string? Value(string field, Article article) => field switch
    {
        "title" => article.Title,
        "author" => article.Authors.Count == 0 ? null : string.Join("; ", article.Authors),
        "published" => article.Published is { } date ? ArticleJson.FormatDate(date) : null,
        "lead" => article.Lead,
        "image" => article.Image,
        _ => null,
    };

    private static string Shown(string field, Article article) =>
        Value(field, article) is { } value ? $"'{Guessing.Preview(value, 50)}'" : "nothing";
}
