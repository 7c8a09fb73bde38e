using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Generic;

/// <summary>
/// Finds the article's text by content scoring, in the Readability / jusText family: every
/// block (an element's own running text) counts as good text when it is long and not mostly
/// links, as bad text when it is a link list, a short line or inside page furniture (class,
/// id, role and tag hints). The container is the element with the most good text net of bad
/// text — a best subtree, so it takes in every sibling that adds more article than furniture.
/// Inside it, furniture and link lists are left out. All passes are linear and iterative.
/// </summary>
internal static partial class ContentFinder
{
    /// <summary>The article's container(s) on the page, with <see cref="ContentFinderOptions.Default"/>.</summary>
    public static ContentSelection Find(PageTree tree, PageMetadata metadata) => Find(tree, metadata, ContentFinderOptions.Default);

    /// <summary>
    /// The article's container(s) on the page and what to leave out inside them, in steps: each
    /// element's hint, the elements that hold the article, each block's worth, furniture, each
    /// subtree's worth, the best container, its siblings, the visible lead, and what is pruned inside.
    /// </summary>
    public static ContentSelection Find(PageTree tree, PageMetadata metadata, ContentFinderOptions options)
    {
        var (hints, classes, isMain) = ReadHints(tree);
        var holdsArticle = ArticleHolders(tree, metadata, hints, isMain);
        var (blockGood, blockBad, rawGood) = BlockWorth(tree, options);
        var furniture = MarkFurniture(tree, hints, holdsArticle, rawGood, options);
        var (good, bad, insideFurniture) = SubtreeWorth(tree, furniture, blockGood, blockBad);

        var headline = metadata.TitleElement is { } shownTitle ? tree.IndexOf(shownTitle) : -1;
        var (best, bestScore) = PickContainer(tree, hints, good, bad, insideFurniture, headline, options);
        var selection = new ContentSelection { Score = bestScore, Furniture = furniture };

        var containers = GatherSiblings(tree, best, good, bad, insideFurniture, headline, options);
        AddVisibleLead(tree, metadata, insideFurniture, containers);
        PruneInside(tree, metadata, containers, new Scored(classes, holdsArticle, furniture, good, insideFurniture, blockGood), selection, options);
        return selection;
    }

    /// <summary>What the steps worked out per element (by index), as pruning reads it.</summary>
    private readonly record struct Scored(string?[] Classes, bool[] HoldsArticle, bool[] Furniture, double[] Good, bool[] InsideFurniture, double[] BlockGood);

    /// <summary>Each element's hint (class, id, role and tag), its class, and whether it is the page's main.</summary>
    private static (Hint[] Hints, string?[] Classes, bool[] IsMain) ReadHints(PageTree tree)
    {
        var n = tree.Count;
        var hints = new Hint[n];
        var verdicts = new Dictionary<string, Hint>(256, StringComparer.Ordinal);

        // Each element's role and class, read with its hint: for role=main below and the caption test.
        var isMain = new bool[n];
        var classes = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var element = tree.Elements[i];
            hints[i] = Hints.Of(element, verdicts, out var role, out classes[i]);
            isMain[i] = IsMain(element, role);
        }

        hints[0] = Hint.None;
        return (hints, classes, isMain);
    }

    /// <summary>
    /// Elements that hold the title heading or a content-named element are wrappers of the
    /// article, whatever their class says ("single has-sidebar", "post with-comments").
    /// </summary>
    private static bool[] ArticleHolders(PageTree tree, PageMetadata metadata, Hint[] hints, bool[] isMain)
    {
        var n = tree.Count;
        var holdsArticle = new bool[n];
        if (metadata.TitleElement is { } titleElement && tree.IndexOf(titleElement) is var t and >= 0)
        {
            for (var i = t; i >= 0; i = tree.Parent[i])
            {
                holdsArticle[i] = true;
            }
        }

        // So are the elements around <main> (role=main): a page wrapper named "with-sidebar-right"
        // or "left-navigation_page-wrapper" is a layout, not the sidebar or the navigation.
        for (var i = n - 1; i > 0; i--)
        {
            if (hints[i] == Hint.Content || holdsArticle[i] || isMain[i])
            {
                holdsArticle[tree.Parent[i]] = true;
            }
        }

        return holdsArticle;
    }

    /// <summary>
    /// Furniture by name, unless it wraps the article: it holds the title, a content-named
    /// element, or most of the page's prose ("single has-sidebar", a forum's comment list).
    /// Inside an element named for the article's text (article-body, itemprop=articleBody), a
    /// structure name (widget, sidebar…) on the element holding most of that text is the CMS's
    /// wrapper ("widget__body"), not a box beside the text. Boilerplate names (related, comments)
    /// keep their verdict: a page-wide "hentry" wrapper holds those too.
    /// </summary>
    private static bool[] MarkFurniture(PageTree tree, Hint[] hints, bool[] holdsArticle, double[] rawGood, ContentFinderOptions options)
    {
        var n = tree.Count;
        var furniture = new bool[n];
        var contentAbove = new int[n];
        contentAbove[0] = hints[0] == Hint.Content ? 0 : -1;
        for (var i = 1; i < n; i++)
        {
            var above = contentAbove[tree.Parent[i]];
            contentAbove[i] = hints[i] == Hint.Content ? i : above;
            var wrapsText = options.InnerWrapper > 0 && above >= 0 && rawGood[i] >= options.InnerWrapper * rawGood[above] && rawGood[i] >= 500;
            furniture[i] = hints[i] switch
            {
                Hint.Structure => !holdsArticle[i] && !wrapsText && !(rawGood[i] >= 0.8 * rawGood[0] && rawGood[i] >= 500),
                Hint.Boilerplate => !holdsArticle[i] && !(rawGood[i] >= options.ProseShare * rawGood[0] && rawGood[i] >= 500),
                Hint.Teaser => tree.Links[i] > 0 && tree.LinkText[i] * 4 >= tree.Text[i] && rawGood[i] < 0.5 * rawGood[0],
                _ => false,
            };
        }

        return furniture;
    }

    /// <summary>
    /// Good and bad text per subtree, bottom-up; furniture turns all its text bad. Inside
    /// furniture nothing can be the article (top-down).
    /// </summary>
    private static (double[] Good, double[] Bad, bool[] InsideFurniture) SubtreeWorth(PageTree tree, bool[] furniture, double[] blockGood, double[] blockBad)
    {
        var n = tree.Count;
        var good = new double[n];
        var bad = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            good[i] += blockGood[i];
            bad[i] += blockBad[i];
            if (furniture[i])
            {
                bad[i] += good[i];
                good[i] = 0;
            }

            if (i > 0)
            {
                var parent = tree.Parent[i];
                good[parent] += good[i];
                bad[parent] += bad[i];
            }
        }

        var insideFurniture = new bool[n];
        for (var i = 1; i < n; i++)
        {
            insideFurniture[i] = furniture[i] || insideFurniture[tree.Parent[i]];
        }

        return (good, bad, insideFurniture);
    }

    private static double Score(int i, double[] good, double[] bad, Hint[] hints, ContentFinderOptions options) =>
        good[i] - bad[i] + (hints[i] == Hint.Content ? options.ContentBonus * good[i] : 0);

    /// <summary>
    /// The container: the best subtree outside furniture, then climbed out of a lone paragraph,
    /// back down to the headline's own block, up while the parent costs (almost) nothing, and into
    /// a form that holds it. The score returned is the best subtree's, before climbing.
    /// </summary>
    private static (int Best, double BestScore) PickContainer(PageTree tree, Hint[] hints, double[] good, double[] bad, bool[] insideFurniture, int headline, ContentFinderOptions options)
    {
        var best = 0;
        var bestScore = double.MinValue;
        for (var i = tree.Count - 1; i >= 0; i--)
        {
            if (!insideFurniture[i] && Score(i, good, bad, hints, options) is var score && score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        // A paragraph is never the article, only part of it: its parent holds the rest (blogs that
        // wrap each paragraph in a div of its own reach here too, one level up).
        while (IsTextBlock(tree.Elements[best]) && tree.Parent[best] is var holder && holder >= 0 && !insideFurniture[holder])
        {
            best = holder;
        }

        // Climb while the parent costs (almost) nothing: it adds the article's short parts — its
        // subheadings, a table, a caption — that the best subtree alone leaves beside it.
        // Not past the headline's own block, though, into a parent that also shows other stories'
        // linked headlines (a blog's front page, "more stories" with their first paragraphs).
        // A page-wide container ("maincontent") that won on the stories beside the article goes back
        // down to its child holding the headline, when that child has prose of its own.
        if (headline > best && tree.IsInside(headline, best))
        {
            var own = headline;
            while (tree.Parent[own] != best)
            {
                own = tree.Parent[own];
            }

            if (own != headline && good[own] >= 200 && good[own] >= 0.2 * good[best] && LinkedHeadlines(tree, best + 1, tree.End[best], own, insideFurniture) >= 2)
            {
                best = own;
            }
        }

        while (tree.Parent[best] is var up && up >= 0 && !insideFurniture[up]
            && Score(up, good, bad, hints, options) >= Score(best, good, bad, hints, options) - Math.Max(options.ClimbMin, options.ClimbFactor * good[best])
            && !(headline >= 0 && tree.IsInside(headline, best) && LinkedHeadlines(tree, up + 1, tree.End[up], best, insideFurniture) >= 2))
        {
            best = up;
        }

        // The rule engine's block reader leaves forms out; when the article stands in one (ASP.NET
        // pages wrap everything in a form), read the form itself.
        for (var i = best + 1; i < tree.End[best]; i++)
        {
            if (tree.Elements[i].LocalName == "form" && !insideFurniture[i] && good[i] * 2 > good[best])
            {
                best = i;
            }
        }

        return (best, bestScore);
    }

    /// <summary>
    /// Siblings that add prose of their own (a lead or a second text column beside the body,
    /// split off by an ad or a gallery) join the container; furniture between them stays out.
    /// </summary>
    private static List<int> GatherSiblings(PageTree tree, int best, double[] good, double[] bad, bool[] insideFurniture, int headline, ContentFinderOptions options)
    {
        var containers = new List<int>();
        var parentOfBest = tree.Parent[best];
        var headlineInBest = headline >= 0 && tree.IsInside(headline, best);
        if (parentOfBest >= 0 && options.SiblingFactor > 0)
        {
            for (var c = parentOfBest + 1; c < tree.End[parentOfBest]; c = tree.End[c])
            {
                if (c == best || (!insideFurniture[c] && good[c] - bad[c] > Math.Max(options.SiblingMin, options.SiblingFactor * good[best]) && !IsOtherPost(tree.Elements[c], tree.Elements[best])
                    && !(headlineInBest && LinkedHeadlines(tree, c, tree.End[c], -1, insideFurniture) > 0)))
                {
                    containers.Add(c);
                }
            }
        }
        else
        {
            containers.Add(best);
        }

        return containers;
    }

    /// <summary>
    /// The standfirst: the page's description shown as a paragraph just before the body, but
    /// outside the container (a teaser box above the text). It is the article's, as a reader sees it.
    /// </summary>
    private static void AddVisibleLead(PageTree tree, PageMetadata metadata, bool[] insideFurniture, List<int> containers)
    {
        if (metadata.Lead is { } description && containers.Count > 0
            && FindVisibleLead(tree, description, insideFurniture, containers[0]) is var lead and >= 0)
        {
            containers.Insert(0, lead);
        }
    }

    /// <summary>
    /// Each container into the selection, and inside it what to leave out: the headline repeated
    /// and the short lines before it, sections that close the article, furniture, link lists and
    /// furniture lines, captions (kept apart), and the elements that showed the metadata.
    /// </summary>
    private static void PruneInside(PageTree tree, PageMetadata metadata, List<int> containers, Scored scored, ContentSelection selection, ContentFinderOptions options)
    {
        var (classes, holdsArticle, furniture, good, insideFurniture, blockGood) = scored;
        var cut = new bool[tree.Count];
        var following = new FollowingText(tree, insideFurniture, blockGood, options.TrailingText);
        var titleIndex = metadata.TitleElement is { } heading ? tree.IndexOf(heading) : -1;
        foreach (var container in containers)
        {
            selection.Containers.Add(tree.Elements[container]);

            // The headline shown again at the top of the text (the title came from a breadcrumb's
            // <h1> or the metadata): that heading is the title's too, and what stands before it.
            if (titleIndex < 0 || !tree.IsInside(titleIndex, container))
            {
                if (RepeatedTitle(tree, container, metadata.Title) is var repeated and >= 0)
                {
                    titleIndex = repeated;
                    selection.Excluded.Add(tree.Elements[repeated]);
                    cut[repeated] = true;
                }
            }

            // Short lines before the headline inside the container (breadcrumbs, a kicker, the
            // section's name, a read time) are the page's, not the article's.
            if (titleIndex > container && tree.IsInside(titleIndex, container))
            {
                for (var i = container + 1; i < titleIndex; i++)
                {
                    if (tree.End[i] <= titleIndex && !cut[tree.Parent[i]] && tree.Text[i] <= options.BeforeTitleMax)
                    {
                        selection.Excluded.Add(tree.Elements[i]);
                        cut[i] = true;
                    }
                }
            }

            // Leave out, inside the container: furniture, link lists, and the elements that showed the metadata.
            for (var i = container + 1; i < tree.End[container]; i++)
            {
                var parent = tree.Parent[i];
                if (cut[i] || (parent > container && cut[parent]))
                {
                    cut[i] = true;
                    continue;
                }

                var element = tree.Elements[i];
                string? line = null; // the element's text, read once for the line checks below
                if (IsSectionEnd(tree, i, good, container, following, options.SectionCutShare, ref line))
                {
                    // The heading and what follows it in its parent: an author box, related stories, comments.
                    for (var s = i; s < tree.End[parent]; s = tree.End[s])
                    {
                        selection.Excluded.Add(tree.Elements[s]);
                        cut[s] = true;
                    }

                    i = tree.End[parent] - 1;
                    continue;
                }

                if (furniture[i] || (!holdsArticle[i] && good[i] < options.LinkListProse && LineKinds.IsLinkList(tree, i)) || LineKinds.IsBoilerplateLine(tree, i, ref line) || LineKinds.IsReadAlsoLine(tree, i, ref line)
                    || LineKinds.IsCallToAction(tree, i, ref line)
                    || following.IsTrailingHeading(i, container))
                {
                    selection.Excluded.Add(element);
                    cut[i] = true;
                }
                else if (Hints.IsCaption(element, classes[i]) || LineKinds.IsCaptionLine(tree, i, ref line))
                {
                    selection.Captions.Add(element);
                    cut[i] = true;
                }
            }

            AddMetadataElement(tree, metadata.TitleElement, container, selection);
            AddMetadataElement(tree, metadata.DateElement, container, selection);
            foreach (var author in metadata.AuthorElements)
            {
                AddMetadataElement(tree, author, container, selection);
            }
        }
    }

    /// <summary>
    /// A heading (h1–h3) among the first elements of <paramref name="container"/>, before any
    /// running text, that says <paramref name="title"/> (case and punctuation aside), or -1.
    /// </summary>
    private static int RepeatedTitle(PageTree tree, int container, string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return -1;
        }

        var key = TitleText.Key(title);
        if (key.Length < 12)
        {
            return -1;
        }

        var last = Math.Min(tree.End[container], container + 40);
        for (var i = container + 1; i < last; i++)
        {
            var name = tree.Elements[i].LocalName;
            if (name is "h1" or "h2" or "h3")
            {
                if (tree.Text[i] <= title.Length * 2 && TitleText.Key(HtmlText.Of(tree.Elements[i])) == key)
                {
                    return i;
                }
            }
            else if (tree.OwnText[i] > 150)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Each block's worth: long text with few links is prose (good), link lists and short lines are
    /// not (bad); <c>RawGood</c> is the good text of each subtree, furniture or not.
    /// </summary>
    internal static (double[] Good, double[] Bad, double[] RawGood) BlockWorth(PageTree tree, ContentFinderOptions options)
    {
        var n = tree.Count;
        var blockGood = new double[n];
        var blockBad = new double[n];
        var rawGood = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var own = tree.OwnText[i];
            if (own > 0)
            {
                var links = tree.OwnLinkText[i];
                var plain = own - links;
                if (links * 2 >= own)
                {
                    blockBad[i] = own;
                }
                else if (own < 25)
                {
                    blockBad[i] = links + (options.ShortPenalty * plain);
                }
                else
                {
                    var weight = tree.Elements[i].LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" ? options.HeadingWeight : own >= 80 ? 1.0 : options.MediumWeight;
                    blockGood[i] = plain * weight;
                    blockBad[i] = links;
                }
            }

            rawGood[i] += blockGood[i];
            if (i > 0)
            {
                rawGood[tree.Parent[i]] += rawGood[i];
            }
        }

        return (blockGood, blockBad, rawGood);
    }

    /// <summary>
    /// The block before <paramref name="first"/> (outside it, outside furniture) whose text is the
    /// page's description, or starts as the description starts when that is cut short ("…"); -1 if none.
    /// </summary>
    private static int FindVisibleLead(PageTree tree, string description, bool[] insideFurniture, int first)
    {
        var wanted = Comparable(description);
        if (wanted.Length < 40)
        {
            return -1;
        }

        var visible = 0;
        foreach (var c in wanted)
        {
            visible += c == ' ' ? 0 : 1;
        }

        var prefix = wanted[..Math.Min(60, wanted.Length)];
        for (var i = 1; i < first; i++)
        {
            if (tree.End[i] > first)
            {
                // An ancestor of the container: the lead lies inside it, further down.
                continue;
            }

            if (insideFurniture[i] || tree.OwnText[i] * 2 < tree.Text[i] || tree.Text[i] < visible * 0.8 || tree.Text[i] > visible * 3 || tree.Links[i] > 0)
            {
                continue;
            }

            var text = Comparable(HtmlText.Of(tree.Elements[i]));
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return i;
            }

            i = tree.End[i] - 1;
        }

        return -1;
    }

    /// <summary>White space runs to one space, trimmed, and a trailing ellipsis dropped: text to compare.</summary>
    private static string Comparable(string text)
    {
        var normal = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return normal.TrimEnd('…', '.', ' ');
    }

    /// <summary><c>&lt;main&gt;</c>, or an element whose role (<paramref name="role"/>, its role attribute) is main.</summary>
    internal static bool IsMain(IElement element, string? role) =>
        element.LocalName == "main" || string.Equals(role, "main", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The headings (h1–h4) that are mostly a link, other stories' headlines, among the elements
    /// <paramref name="from"/> to <paramref name="to"/> (exclusive), outside the subtree of
    /// <paramref name="skip"/> (-1: none) and outside furniture.
    /// </summary>
    private static int LinkedHeadlines(PageTree tree, int from, int to, int skip, bool[] insideFurniture)
    {
        var count = 0;
        for (var j = from; j < to; j++)
        {
            if (j == skip)
            {
                j = tree.End[skip] - 1;
                continue;
            }

            if (insideFurniture[j])
            {
                j = tree.End[j] - 1;
                continue;
            }

            if (tree.Elements[j].LocalName is "h1" or "h2" or "h3" or "h4" && tree.Links[j] > 0 && tree.Text[j] > 0 && tree.LinkText[j] * 2 >= tree.Text[j])
            {
                count++;
                j = tree.End[j] - 1;
            }
        }

        return count;
    }

    /// <summary>A sibling that is a post of its own (another &lt;article&gt;, another WordPress post-123): a listing, not the article.</summary>
    private static bool IsOtherPost(IElement sibling, IElement best)
    {
        if (sibling.LocalName == "article" && best.LocalName == "article")
        {
            return true;
        }

        var cls = sibling.GetAttribute("class");
        return cls is not null && best.GetAttribute("class") is { } bestClass && PostId().Match(cls) is { Success: true } id
            && PostId().Match(bestClass) is { Success: true } bestId && id.Value != bestId.Value;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bpost-\d+\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PostId();

    private static bool IsTextBlock(IElement element) => element.LocalName is
        "p" or "span" or "font" or "strong" or "b" or "em" or "i" or "a" or "blockquote" or "li" or "h2" or "h3" or "h4" or "h5" or "h6"
        or "pre" or "dd" or "dt" or "ul" or "ol" or "dl" or "br" or "small" or "center";

    private static void AddMetadataElement(PageTree tree, IElement? element, int container, ContentSelection selection)
    {
        if (element is null)
        {
            return;
        }

        var i = tree.IndexOf(element);
        if (i > container && tree.IsInside(i, container))
        {
            selection.Excluded.Add(element);
        }
    }

    /// <summary>
    /// A heading (h2–h6) that opens after-article furniture ("Über den Autor", "Related", "Comments"),
    /// with less article text after it in its parent than <paramref name="share"/> of the container's.
    /// </summary>
    private static bool IsSectionEnd(PageTree tree, int i, double[] good, int container, FollowingText following, double share, ref string? line)
    {
        var element = tree.Elements[i];
        if (element.LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6") || tree.Text[i] == 0 || tree.Text[i] > 60)
        {
            return false;
        }

        // The heading's text, kept for the line checks that read it next.
        if (!Hints.IsSectionEndHeading(LineKinds.Line(tree, i, ref line)))
        {
            return false;
        }

        return following.GoodAfter(i, tree.Parent[i]) <= share * good[container];
    }
}
