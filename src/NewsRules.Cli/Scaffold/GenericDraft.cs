using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Generic;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// Names, with stable selectors, what the generic extractor chooses on the pages given: its body
/// containers (one selector that finds them on every page, else an alternative per layout), the
/// heading, bylines and date element it read, and the meta tag or JSON-LD property each field
/// came from. A draft built from these extracts what the generic extractor does on the pages it
/// was made from, and keeps doing it on the site's other pages while the names hold.
/// </summary>
internal static class GenericDraft
{
    /// <summary>
    /// The body: the selector(s) that find exactly the generic extractor's containers on every
    /// page given. Null when no stable name finds them on the first page.
    /// </summary>
    public static BodyGuess? Body(IReadOnlyList<ScaffoldPage> pages, IReadOnlyList<GenericChoices> choices)
    {
        var fitting = new List<List<string>>();
        var loose = false;
        for (var i = 0; i < pages.Count; i++)
        {
            var containers = choices[i].Content?.Containers ?? new List<IElement>();
            var exact = containers.Count == 0
                ? new List<string>()
                : Candidates(containers).Where(css => Fits(pages[i].Document, css, containers)).ToList();
            if (exact.Count == 0 && containers.Count > 0)
            {
                // No name finds exactly the containers: a stable name around them that adds little text.
                exact = Around(containers).Where(css => Covers(pages[i].Document, css, containers)).ToList();
                loose |= exact.Count > 0;
            }

            fitting.Add(exact);
        }

        if (fitting[0].Count == 0)
        {
            return null;
        }

        var first = choices[0].Content!.Containers;
        var withBody = Enumerable.Range(0, pages.Count).Where(i => fitting[i].Count > 0).ToList();
        var everywhere = fitting[0].FirstOrDefault(css => withBody.All(i => fitting[i].Contains(css)));
        var unnamed = Enumerable.Range(0, pages.Count).Where(i => fitting[i].Count == 0).Select(i => pages[i].SamplePath).ToList();
        var note = (unnamed.Count == 0 ? string.Empty : $"; no stable name finds the generic extractor's body on {string.Join(", ", unnamed)} (review it there)")
            + (loose ? "; on some page no stable name finds exactly its containers: the name is of an element around them, with at most 15% more text (review the body's edges)" : string.Empty);
        if (everywhere is not null)
        {
            var confidence = (pages.Count > 1 ? 0.9 : 0.75) - (unnamed.Count > 0 ? 0.3 : 0) - (loose ? 0.15 : 0);
            return new BodyGuess(
                new[] { everywhere },
                first,
                confidence,
                $"the generic extractor's body container{(first.Count > 1 ? "s" : string.Empty)} on {Pages(pages.Count - unnamed.Count)}{note}");
        }

        // Layouts differ: an alternative per page, ordered so that on every page the first
        // alternative that matches is its own.
        var alternatives = new List<string>();
        var needs = new List<string>();
        foreach (var i in withBody)
        {
            var own = fitting[i].FirstOrDefault(css => !alternatives.Contains(css));
            if (own is null || alternatives.Any(a => Serves(pages[i].Document, a, choices[i].Content!.Containers)))
            {
                continue;
            }

            alternatives.Add(own);
            needs.Add($"{pages[i].SamplePath} needs '{own}'");
        }

        if (!Valid(alternatives, pages, choices, withBody))
        {
            // A later page's selector also matches an earlier page: try the other order.
            alternatives.Reverse();
            if (!Valid(alternatives, pages, choices, withBody))
            {
                alternatives = new List<string> { fitting[0][0] };
                return new BodyGuess(alternatives, first, 0.4, $"the generic extractor's body container on the first page; the pages' layouts differ and no order of their selectors serves all of them ({string.Join("; ", needs)}){note}");
            }
        }

        return new BodyGuess(alternatives, first, 0.7, $"the generic extractor's body containers; the layouts differ, one alternative per layout: {string.Join("; ", needs)}{note}");
    }

    private static string Pages(int count) => count == 1 ? "the page" : $"all {count} pages";

    private static bool Valid(List<string> alternatives, IReadOnlyList<ScaffoldPage> pages, IReadOnlyList<GenericChoices> choices, List<int> withBody) =>
        withBody.All(i =>
        {
            var winner = alternatives.FirstOrDefault(a => SelectorNaming.Matches(pages[i].Document, a).Count > 0);
            return winner is not null && Serves(pages[i].Document, winner, choices[i].Content!.Containers);
        });

    /// <summary>Stable names of the containers, sturdiest first: their own names (shared by all of them), then through a named ancestor.</summary>
    private static IEnumerable<string> Candidates(List<IElement> containers)
    {
        var own = containers
            .Select(c => SelectorNaming.Own(c).Concat(SelectorNaming.Qualified(c, 3, bareTag: false)).ToList())
            .ToList();
        var shared = own[0].Where(n => own.All(list => list.Any(m => m.Css == n.Css)));
        return shared.OrderBy(n => n.Cost).ThenBy(n => n.Css.Length).ThenBy(n => n.Css, StringComparer.Ordinal).Select(n => n.Css).Distinct(StringComparer.Ordinal);
    }

    /// <summary>True when the outermost matches of <paramref name="css"/> are exactly <paramref name="containers"/>.</summary>
    private static bool Fits(IDocument document, string css, IReadOnlyList<IElement> containers) =>
        SelectorNaming.Outermost(SelectorNaming.Matches(document, css)).SequenceEqual(containers);

    private static bool Serves(IDocument document, string css, IReadOnlyList<IElement> containers) =>
        Fits(document, css, containers) || Covers(document, css, containers);

    /// <summary>Names of the containers and of up to three ancestors of the first, sturdiest first.</summary>
    private static IEnumerable<string> Around(List<IElement> containers)
    {
        var names = new List<NamedSelector>();
        var ancestor = containers[0].ParentElement;
        for (var level = 1; level <= 3 && ancestor is not null && ancestor.LocalName is not ("body" or "html"); level++, ancestor = ancestor.ParentElement)
        {
            names.AddRange(SelectorNaming.Own(ancestor).Select(n => n with { Cost = n.Cost + level }));
            names.AddRange(SelectorNaming.Qualified(ancestor, 2, bareTag: false).Select(n => n with { Cost = n.Cost + level }));
        }

        return Candidates(containers)
            .Concat(names.OrderBy(n => n.Cost).ThenBy(n => n.Css.Length).ThenBy(n => n.Css, StringComparer.Ordinal).Select(n => n.Css))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// True when the outermost matches of <paramref name="css"/> hold every container, each match
    /// holds one, and together they add at most 15% to the containers' text.
    /// </summary>
    private static bool Covers(IDocument document, string css, IReadOnlyList<IElement> containers)
    {
        var matches = SelectorNaming.Outermost(SelectorNaming.Matches(document, css));
        if (matches.Count == 0 || matches.Count > containers.Count)
        {
            return false;
        }

        if (!containers.All(c => matches.Any(m => m == c || Dom.IsInside(c, m))) || !matches.All(m => containers.Any(c => m == c || Dom.IsInside(c, m))))
        {
            return false;
        }

        var inside = containers.Sum(c => (long)c.TextContent.Length);
        var taken = matches.Sum(m => (long)m.TextContent.Length);
        return taken <= inside * 1.15;
    }

    /// <summary>
    /// The selector(s) that read a field from the source the generic extractor used on the first
    /// page ("og:title" → <c>meta[property="og:title"]@content</c>, "JSON-LD author" →
    /// <c>ld:author</c>, a heading or byline → its stable name), or null when that source has no
    /// selector (a date in the URL, a date in running text).
    /// </summary>
    public static FieldGuess? Field(string field, IDocument document, GenericChoices choices, TextStatistics statistics)
    {
        var metadata = choices.Metadata;
        var key = field == "author" ? "authors" : field;
        if (!metadata.Sources.TryGetValue(key, out var source))
        {
            return null;
        }

        var evidence = $"where the generic extractor read it: {source}";
        switch (source)
        {
            case "JSON-LD headline":
                return FieldGuess.Of(field, new[] { "ld:headline" }, 0.9, evidence);
            case "JSON-LD author":
                return FieldGuess.Of(field, new[] { "ld:author" }, 0.85, evidence);
            case "JSON-LD datePublished":
                return FieldGuess.Of(field, new[] { "ld:datePublished" }, 0.9, evidence);
            case "JSON-LD description":
                return FieldGuess.Of(field, new[] { "ld:description" }, 0.8, evidence);
            case "JSON-LD image":
                return FieldGuess.Of(field, new[] { "ld:image" }, 0.85, evidence);
            case "<title>":
                return FieldGuess.Of(field, new[] { "title" }, 0.5, evidence + " (the document title may carry the site's name)");
            case "URL" or "text" or "byline text" or "microdata" or "link rel=image_src":
                return ElementField(field, document, metadata, statistics, evidence);
        }

        if (field == "title" && metadata.TitleElement is { } heading)
        {
            return Guessing.NameFirst(document, heading, statistics) is { } css ? FieldGuess.Of(field, new[] { css }, 0.85, evidence) : null;
        }

        if (source is "byline" or "<time datetime>")
        {
            return ElementField(field, document, metadata, statistics, evidence);
        }

        // A meta tag, by name or property.
        if (MetaSelector(document, source) is { } meta)
        {
            return FieldGuess.Of(field, new[] { meta }, 0.8, evidence);
        }

        return null;
    }

    /// <summary>
    /// The page's own statements of the headline (JSON-LD, og:title) when they say what the
    /// generic extractor read: they hold on pages of other layouts, where a heading's name may not.
    /// </summary>
    public static IEnumerable<FieldGuess> StatedTitle(IDocument document, GenericChoices choices)
    {
        if (choices.Metadata.Title is null || choices.Metadata.Sources.GetValueOrDefault("title") == "JSON-LD headline")
        {
            yield break;
        }

        yield return FieldGuess.Of("title", new[] { "ld:headline" }, 0.85, "the JSON-LD headline, which says what the generic extractor read");
        if (MetaSelector(document, "og:title") is { } og)
        {
            yield return FieldGuess.Of("title", new[] { og }, 0.8, "og:title, which says what the generic extractor read");
        }
    }

    /// <summary>
    /// The visible standfirst: the innermost element whose text says what the generic extractor's
    /// lead (a description meta tag, usually cut short or reworded) says, standing before the end of
    /// the body. Readers (and corpora such as Fundus) take the visible words as the summary; on pages
    /// without it, the description the generic extractor read follows as the second alternative.
    /// The element stays in the body where the generic extractor keeps it there.
    /// </summary>
    public static FieldGuess? VisibleLead(IDocument document, GenericChoices choices, TextStatistics statistics, IReadOnlyList<IElement> containers)
    {
        var lead = choices.Metadata.Lead;
        if (lead is null || lead.Length < 30 || statistics.IsDeep || !choices.Metadata.Sources.TryGetValue("lead", out var source))
        {
            return null;
        }

        var last = containers.Count > 0 ? containers[^1] : null;
        var agreeing = new List<IElement>();
        foreach (var element in statistics.Elements)
        {
            if (element.LocalName is "html" or "body" or "head" or "script" or "style" or "meta" or "title" or "noscript" or "template"
                || element.TextContent.Length < lead.Length / 2 || element.TextContent.Length > (lead.Length * 2) + 200)
            {
                continue;
            }

            // Only what stands before the article's end: after it come teasers of other stories.
            if (last is not null && !Dom.IsInside(element, last) && element != last && last.CompareDocumentPosition(element).HasFlag(DocumentPositions.Following))
            {
                continue;
            }

            // Not the headline (a description that repeats it), not a link (a teaser of this or another story).
            var title = choices.Metadata.Title;
            var measure = statistics[element];
            if (element.LocalName is "a" or "h1" || element.Closest("a, h1") is not null || measure.Links * 2 > measure.Total
                || (choices.Metadata.TitleElement is { } heading && (Dom.IsInside(heading, element) || Dom.IsInside(element, heading))))
            {
                continue;
            }

            var text = Guessing.TextOf(element);
            if (text.Length >= 30 && Guessing.Agree(text, lead) && (title is null || !Guessing.Agree(text, title)))
            {
                agreeing.Add(element);
            }
        }

        var innermost = agreeing.FirstOrDefault(e => !agreeing.Any(o => o != e && Dom.IsInside(o, e)));
        if (innermost is null || Guessing.NameFirst(document, innermost, statistics) is not { } css || css == innermost.LocalName)
        {
            return null;
        }

        var selectors = new List<string> { css };
        if (source.StartsWith("JSON-LD ", StringComparison.Ordinal))
        {
            selectors.Add("ld:description");
        }
        else if (MetaSelector(document, source) is { } meta)
        {
            selectors.Add(meta);
        }

        var kept = containers.Any(c => innermost == c || Dom.IsInside(innermost, c));
        return FieldGuess.Of("lead", selectors, 0.85, $"the visible standfirst, which says what the generic extractor read from {source}; {source} where the page shows none")
            with { KeepInBody = kept };
    }

    private static FieldGuess? ElementField(string field, IDocument document, PageMetadata metadata, TextStatistics statistics, string evidence)
    {
        if (field == "author" && metadata.AuthorElements.Count > 0)
        {
            var first = metadata.AuthorElements[0];
            var names = SelectorNaming.Own(first).Concat(statistics.IsDeep ? Enumerable.Empty<NamedSelector>() : SelectorNaming.Qualified(first, 4, bareTag: true))
                .OrderBy(n => n.Cost).ThenBy(n => n.Css.Length).Select(n => n.Css);
            foreach (var css in names)
            {
                var matches = SelectorNaming.Matches(document, css);
                if (metadata.AuthorElements.All(matches.Contains) && matches.Count <= metadata.AuthorElements.Count + 1)
                {
                    return FieldGuess.Of(field, new[] { css }, 0.75, evidence);
                }
            }

            return null;
        }

        if (field == "published" && metadata.DateElement is { } date)
        {
            var attribute = date.HasAttribute("datetime") ? "datetime" : date.HasAttribute("content") ? "content" : null;
            return Guessing.NameFirst(document, date, statistics, attribute) is { } css
                ? FieldGuess.Of(field, new[] { attribute is null ? css : $"{css}@{attribute}" }, 0.75, evidence)
                : null;
        }

        return null;
    }

    /// <summary>
    /// The selector that reads the meta tag <paramref name="name"/> (as the runtime's
    /// <see cref="NewsRules.Html.MetaTags"/> finds it: <c>property</c>, <c>name</c>,
    /// <c>itemprop</c> or <c>http-equiv</c>, from <c>content</c>, else <c>value</c>), or null
    /// when the page sets no non-empty one.
    /// </summary>
    internal static string? MetaSelector(IDocument document, string name)
    {
        foreach (var value in new[] { "content", "value" })
        {
            foreach (var attribute in new[] { "property", "name", "itemprop", "http-equiv" })
            {
                var css = $"meta[{attribute}={SelectorNaming.Quote(name)}]";
                if (Guessing.FirstNonEmpty(document, css, value) is not null)
                {
                    return css + "@" + value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The headline, bylines and date element the generic extractor read its metadata from, where
    /// they lie inside the body containers: it leaves them out of its body, so the draft lists them
    /// as junk, each under a stable name that matches nothing else inside the body.
    /// </summary>
    public static List<JunkGuess> MetadataJunk(IDocument document, GenericChoices choices, IReadOnlyList<IElement> containers)
    {
        var junk = new List<JunkGuess>();
        var metadata = choices.Metadata;
        var elements = new List<(IElement Element, string What)>();
        if (metadata.TitleElement is { } title)
        {
            elements.Add((title, "the headline"));
        }

        elements.AddRange(metadata.AuthorElements.Select(a => (a, "the byline")));
        if (metadata.DateElement is { } date)
        {
            elements.Add((date, "the date line"));
        }

        var inBody = elements.Where(e => containers.Any(c => Dom.IsInside(e.Element, c))).ToList();
        var allInside = containers.SelectMany(c => SelectorNaming.All(c, "*")).ToList();
        foreach (var (element, what) in inBody)
        {
            // Qualified by the tag: a headline's class may also name the sub-headings of another page.
            var names = SelectorNaming.Own(element).OrderBy(n => n.Cost).ThenBy(n => n.Css.Length)
                .Select(n => n.Css.StartsWith('.') || n.Css.StartsWith('[') || n.Css.StartsWith('#') ? element.LocalName + n.Css : n.Css)
                .Distinct(StringComparer.Ordinal);
            foreach (var css in names)
            {
                var matches = SelectorNaming.Matches(allInside, css);
                if (matches.Count > 0 && matches.All(m => inBody.Any(e => e.Element == m || Dom.IsInside(m, e.Element))))
                {
                    if (junk.All(j => j.Selector != css))
                    {
                        junk.Add(new JunkGuess(css, 0.8, $"{what} inside the body (the generic extractor leaves it out of its body)"));
                    }

                    break;
                }
            }
        }

        return junk;
    }

    /// <summary>
    /// What the generic extractor leaves out inside its body containers (share bars, kickers,
    /// teasers, furniture it recognised by its content scoring), named as junk: each name
    /// matches only left-out elements inside the body. Elements without such a name stay to
    /// the boilerplate net.
    /// </summary>
    public static List<JunkGuess> ExcludedJunk(GenericChoices choices, IReadOnlyList<IElement> containers, int limit = 12)
    {
        var junk = new List<JunkGuess>();
        if (choices.Content is not { } content || content.Excluded.Count == 0)
        {
            return junk;
        }

        // Never a caption or what holds one: the draft's captions would lose it (a caption the generic extractor lifts out is left out of its text too).
        bool HoldsCaption(IElement e) => content.Captions.Any(c => c == e || Dom.IsInside(c, e) || Dom.IsInside(e, c)) || e.LocalName == "figcaption" || e.QuerySelector("figcaption") is not null;
        var excluded = content.Excluded.Where(e => containers.Any(c => e != c && Dom.IsInside(e, c)) && !HoldsCaption(e)).ToList();
        var outermost = excluded.Where(e => !excluded.Any(o => o != e && Dom.IsInside(e, o))).ToList();
        var allInside = containers.SelectMany(c => SelectorNaming.All(c, "*")).ToList();
        bool Left(IElement element) => content.Excluded.Contains(element) || excluded.Any(o => Dom.IsInside(element, o));
        var covered = new HashSet<IElement>();
        foreach (var element in outermost)
        {
            // Sub-headings the scoring left out on one page are often the article's on the next.
            if (covered.Contains(element) || junk.Count >= limit || element.LocalName is "h2" or "h3" or "h4" or "h5" or "h6")
            {
                continue;
            }

            foreach (var css in SelectorNaming.Own(element).Where(n => n.Cost <= 2).OrderBy(n => n.Cost).ThenBy(n => n.Css.Length).Select(n => n.Css))
            {
                var matches = SelectorNaming.Matches(allInside, css);
                if (matches.Count > 0 && matches.All(Left) && !matches.Any(m => m.LocalName is "h2" or "h3" or "h4" or "h5" or "h6"))
                {
                    covered.UnionWith(matches);
                    junk.Add(new JunkGuess(css, 0.7, $"left out of the body by the generic extractor ({matches.Count} element(s), e.g. '{Guessing.Preview(Guessing.TextOf(element), 40)}')"));
                    break;
                }
            }
        }

        return junk;
    }

    /// <summary>
    /// With two or more pages: elements inside the body containers whose text is the same on every
    /// page (newsletter boxes, promo lines, "follow us" notes: what a site repeats under every
    /// article), each under a stable name whose matches inside the body, on every page, are such
    /// repeated text only. Nothing with one page, and nothing that would take more than 15% of a page's body text.
    /// </summary>
    public static List<JunkGuess> RepeatedJunk(IReadOnlyList<ScaffoldPage> pages, IReadOnlyList<GenericChoices> choices)
    {
        var junk = new List<JunkGuess>();
        if (pages.Count < 2 || choices.Any(c => c.Content is null || c.Content.Containers.Count == 0))
        {
            return junk;
        }

        var inside = choices.Select(c => c.Content!.Containers.SelectMany(container => SelectorNaming.All(container, "*")).ToList()).ToList();
        var texts = inside.Select(list => list.ToDictionary(e => e, e => Key(Guessing.TextOf(e)))).ToList();
        var shared = texts.Select(t => t.Values.Where(k => k.Length >= 20).ToHashSet(StringComparer.Ordinal))
            .Aggregate((a, b) => { a.IntersectWith(b); return a; });
        if (shared.Count == 0)
        {
            return junk;
        }

        var bodyText = choices.Select(c => c.Content!.Containers.Sum(x => (double)Guessing.TextOf(x).Length)).ToList();
        bool Repeated(int page, IElement e) => shared.Contains(texts[page][e]) || inside[page].Any(o => o != e && Dom.IsInside(e, o) && shared.Contains(texts[page][o]));
        var covered = new HashSet<IElement>();
        foreach (var element in inside[0])
        {
            var key = texts[0][element];
            if (!shared.Contains(key) || covered.Contains(element) || (element.ParentElement is { } parent && texts[0].TryGetValue(parent, out var up) && up == key)
                || inside[0].Any(o => o != element && Dom.IsInside(element, o) && shared.Contains(texts[0][o])))
            {
                continue;
            }

            foreach (var css in SelectorNaming.Own(element).Where(n => n.Cost <= 2).OrderBy(n => n.Cost).ThenBy(n => n.Css.Length).Select(n => n.Css))
            {
                var fits = true;
                var matched = new List<List<IElement>>();
                for (var i = 0; i < pages.Count && fits; i++)
                {
                    var matches = SelectorNaming.Matches(inside[i], css);
                    fits = matches.Count > 0 && matches.All(m => Repeated(i, m))
                        && matches.Sum(m => (double)Guessing.TextOf(m).Length) <= bodyText[i] * 0.15;
                    matched.Add(matches);
                }

                if (fits)
                {
                    covered.UnionWith(matched[0].SelectMany(m => SelectorNaming.All(m, "*").Prepend(m)));
                    junk.Add(new JunkGuess(css, 0.75, $"the same text inside the body on all {pages.Count} pages ('{Guessing.Preview(key, 40)}')"));
                    break;
                }
            }
        }

        return junk;
    }

    private static string Key(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
