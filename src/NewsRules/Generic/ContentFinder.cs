using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Generic;

/// <summary>Where the article's text is: the container(s) to read, and what inside them to leave out.</summary>
internal sealed class ContentSelection
{
    public List<IElement> Containers { get; } = new();

    public HashSet<IElement> Excluded { get; } = new();

    public HashSet<IElement> Captions { get; } = new();

    /// <summary>The chosen container's score, for the explanation.</summary>
    public double Score { get; set; }

    /// <summary>Which elements of the page tree were taken for furniture (by index).</summary>
    public bool[] Furniture { get; set; } = System.Array.Empty<bool>();
}

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
    internal static double ShortPenalty = 0.05;
    internal static double GuardWeak = 0;
    internal static double HeadingWeight = 0.3;
    internal static double MediumWeight = 0.6;
    internal static double ContentBonus = 0.2;
    internal static double ProseShare = 0.5;
    internal static double SiblingFactor = 0.02;
    internal static double SiblingMin = 50;
    internal static double ClimbMin = 10;
    internal static double ClimbFactor = 0.02;
    internal static double SectionCut = 1;
    internal static double BlockClimb = 1;
    internal static double OtherPosts = 1;
    internal static double BeforeTitle = 1;
    internal static double BeforeTitleMax = 100;

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

        var key = MetadataReader.Key(title);
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
                if (tree.Text[i] <= title.Length * 2 && MetadataReader.Key(HtmlText.Of(tree.Elements[i])) == key)
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
    /// Prose (weighted plain characters in running-text blocks) that keeps an element from being
    /// cut as a link list: the article and its related links in one div are more than half links
    /// by characters, but the list inside it is cut on its own.
    /// </summary>
    internal static double LinkListProse = 200;

    /// <summary>Share of a content-named element's prose that a furniture-named element inside it must hold to count as its wrapper.</summary>
    internal static double InnerWrapper = 0.8;

    /// <summary>Whether climbing stops below a parent that shows other stories' linked headlines.</summary>
    internal static double OtherHeadlines = 1;

    internal static double SectionCutShare = 0.3;
    internal static double ReadAlso = 1;
    internal static double TrailingHeading = 1;
    internal static int TrailingText = 40;
    internal static double MetaLine = 1;
    internal static double VisibleLead = 1;
    internal static double HoldsMain = 1;
    internal static double CaptionLine = 1;
    internal static double CallToAction = 1;

    public static ContentSelection Find(PageTree tree, PageMetadata metadata)
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

        // Elements that hold the title heading or a content-named element are wrappers of the
        // article, whatever their class says ("single has-sidebar", "post with-comments").
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
            if (hints[i] == Hint.Content || (GuardWeak > 0 && hints[i] == Hint.MaybeContent) || holdsArticle[i] || (HoldsMain > 0 && isMain[i]))
            {
                holdsArticle[tree.Parent[i]] = true;
            }
        }

        var (blockGood, blockBad, rawGood) = BlockWorth(tree);

        // Furniture by name, unless it wraps the article: it holds the title, a content-named
        // element, or most of the page's prose ("single has-sidebar", a forum's comment list).
        // Inside an element named for the article's text (article-body, itemprop=articleBody), a
        // structure name (widget, sidebar…) on the element holding most of that text is the CMS's
        // wrapper ("widget__body"), not a box beside the text. Boilerplate names (related, comments)
        // keep their verdict: a page-wide "hentry" wrapper holds those too.
        var junk = new bool[n];
        var contentAbove = new int[n];
        contentAbove[0] = hints[0] == Hint.Content ? 0 : -1;
        for (var i = 1; i < n; i++)
        {
            var above = contentAbove[tree.Parent[i]];
            contentAbove[i] = hints[i] == Hint.Content ? i : above;
            var wrapsText = InnerWrapper > 0 && above >= 0 && rawGood[i] >= InnerWrapper * rawGood[above] && rawGood[i] >= 500;
            junk[i] = hints[i] switch
            {
                Hint.Structure => !holdsArticle[i] && !wrapsText && !(rawGood[i] >= 0.8 * rawGood[0] && rawGood[i] >= 500),
                Hint.Boilerplate => !holdsArticle[i] && !(rawGood[i] >= ProseShare * rawGood[0] && rawGood[i] >= 500),
                Hint.Teaser => tree.Links[i] > 0 && tree.LinkText[i] * 4 >= tree.Text[i] && rawGood[i] < 0.5 * rawGood[0],
                _ => false,
            };
        }

        // Good and bad text per subtree, bottom-up; furniture turns all its text bad.
        var good = new double[n];
        var bad = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            good[i] += blockGood[i];
            bad[i] += blockBad[i];
            if (junk[i])
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

        // Inside furniture nothing can be the article (top-down).
        var insideJunk = new bool[n];
        for (var i = 1; i < n; i++)
        {
            insideJunk[i] = junk[i] || insideJunk[tree.Parent[i]];
        }

        double Score(int i) => good[i] - bad[i] + (hints[i] == Hint.Content ? ContentBonus * good[i] : 0);

        var best = 0;
        var bestScore = double.MinValue;
        for (var i = n - 1; i >= 0; i--)
        {
            if (!insideJunk[i] && Score(i) is var score && score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        // A paragraph is never the article, only part of it: its parent holds the rest (blogs that
        // wrap each paragraph in a div of its own reach here too, one level up).
        while (BlockClimb > 0 && IsTextBlock(tree.Elements[best]) && tree.Parent[best] is var holder && holder >= 0 && !insideJunk[holder])
        {
            best = holder;
        }

        // Climb while the parent costs (almost) nothing: it adds the article's short parts — its
        // subheadings, a table, a caption — that the best subtree alone leaves beside it.
        // Not past the headline's own block, though, into a parent that also shows other stories'
        // linked headlines (a blog's front page, "more stories" with their first paragraphs).
        // A page-wide container ("maincontent") that won on the stories beside the article goes back
        // down to its child holding the headline, when that child has prose of its own.
        var headline = metadata.TitleElement is { } shownTitle ? tree.IndexOf(shownTitle) : -1;
        if (OtherHeadlines > 0 && headline > best && tree.IsInside(headline, best))
        {
            var own = headline;
            while (tree.Parent[own] != best)
            {
                own = tree.Parent[own];
            }

            if (own != headline && good[own] >= 200 && good[own] >= 0.2 * good[best] && LinkedHeadlines(tree, best + 1, tree.End[best], own, insideJunk) >= 2)
            {
                best = own;
            }
        }

        while (tree.Parent[best] is var up && up >= 0 && !insideJunk[up]
            && Score(up) >= Score(best) - Math.Max(ClimbMin, ClimbFactor * good[best])
            && !(OtherHeadlines > 0 && headline >= 0 && tree.IsInside(headline, best) && LinkedHeadlines(tree, up + 1, tree.End[up], best, insideJunk) >= 2))
        {
            best = up;
        }

        // The rule engine's block reader leaves forms out; when the article stands in one (ASP.NET
        // pages wrap everything in a form), read the form itself.
        for (var i = best + 1; i < tree.End[best]; i++)
        {
            if (tree.Elements[i].LocalName == "form" && !insideJunk[i] && good[i] * 2 > good[best])
            {
                best = i;
            }
        }

        var selection = new ContentSelection { Score = bestScore, Furniture = junk };

        // Siblings that add prose of their own (a lead or a second text column beside the body,
        // split off by an ad or a gallery) join the container; furniture between them stays out.
        var containers = new List<int>();
        var parentOfBest = tree.Parent[best];
        var headlineInBest = OtherHeadlines > 0 && headline >= 0 && tree.IsInside(headline, best);
        if (parentOfBest >= 0 && SiblingFactor > 0)
        {
            for (var c = parentOfBest + 1; c < tree.End[parentOfBest]; c = tree.End[c])
            {
                if (c == best || (!insideJunk[c] && good[c] - bad[c] > Math.Max(SiblingMin, SiblingFactor * good[best]) && !(OtherPosts > 0 && IsOtherPost(tree.Elements[c], tree.Elements[best]))
                    && !(headlineInBest && LinkedHeadlines(tree, c, tree.End[c], -1, insideJunk) > 0)))
                {
                    containers.Add(c);
                }
            }
        }
        else
        {
            containers.Add(best);
        }

        // The standfirst: the page's description shown as a paragraph just before the body, but
        // outside the container (a teaser box above the text). It is the article's, as a reader sees it.
        if (VisibleLead > 0 && metadata.Lead is { } description && containers.Count > 0
            && FindVisibleLead(tree, description, insideJunk, containers[0]) is var lead and >= 0)
        {
            containers.Insert(0, lead);
        }

        var cut = new bool[n];
        var following = new FollowingText(tree, insideJunk, blockGood);
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
            if (BeforeTitle > 0 && titleIndex > container && tree.IsInside(titleIndex, container))
            {
                for (var i = container + 1; i < titleIndex; i++)
                {
                    if (tree.End[i] <= titleIndex && !cut[tree.Parent[i]] && tree.Text[i] <= BeforeTitleMax)
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
                if (SectionCut > 0 && IsSectionEnd(tree, i, good, container, following, ref line))
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

                if (junk[i] || (!holdsArticle[i] && good[i] < LinkListProse && IsLinkList(tree, i)) || IsBoilerplateLine(tree, i, ref line) || (ReadAlso > 0 && IsReadAlsoLine(tree, i, ref line))
                    || (CallToAction > 0 && IsCallToAction(tree, i, ref line))
                    || (TrailingHeading > 0 && following.IsTrailingHeading(i, container)))
                {
                    selection.Excluded.Add(element);
                    cut[i] = true;
                }
                else if (Hints.IsCaption(element, classes[i]) || (CaptionLine > 0 && IsCaptionLine(tree, i, ref line)))
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

        return selection;
    }

    /// <summary>
    /// Each block's worth: long text with few links is prose (good), link lists and short lines are
    /// not (bad); <c>RawGood</c> is the good text of each subtree, furniture or not.
    /// </summary>
    internal static (double[] Good, double[] Bad, double[] RawGood) BlockWorth(PageTree tree)
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
                    blockBad[i] = links + (ShortPenalty * plain);
                }
                else
                {
                    var weight = tree.Elements[i].LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" ? HeadingWeight : own >= 80 ? 1.0 : MediumWeight;
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
    private static int FindVisibleLead(PageTree tree, string description, bool[] insideJunk, int first)
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

            if (insideJunk[i] || tree.OwnText[i] * 2 < tree.Text[i] || tree.Text[i] < visible * 0.8 || tree.Text[i] > visible * 3 || tree.Links[i] > 0)
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
    private static int LinkedHeadlines(PageTree tree, int from, int to, int skip, bool[] insideJunk)
    {
        var count = 0;
        for (var j = from; j < to; j++)
        {
            if (j == skip)
            {
                j = tree.End[skip] - 1;
                continue;
            }

            if (insideJunk[j])
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
    /// with less article text after it in its parent than <see cref="SectionCutShare"/> of the container's.
    /// </summary>
    private static bool IsSectionEnd(PageTree tree, int i, double[] good, int container, FollowingText following, ref string? line)
    {
        var element = tree.Elements[i];
        if (element.LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6") || tree.Text[i] == 0 || tree.Text[i] > 60)
        {
            return false;
        }

        // The heading's text, kept for the line checks that read it next.
        if (!Hints.IsSectionEndHeading(Line(tree, i, ref line)))
        {
            return false;
        }

        return following.GoodAfter(i, tree.Parent[i]) <= SectionCutShare * good[container];
    }

    /// <summary>
    /// Text that follows an element, for the headings that end an article. Headings with no article
    /// text after them in the container are the title of a related-stories list, a gallery or a
    /// partners' box at the foot of the article, not a section of it. Linear over the page: text
    /// after a heading is a difference of prefix sums, and each parent's loose text is read once.
    /// </summary>
    private sealed class FollowingText
    {
        private readonly PageTree tree;

        // before[k]: visible text outside links and outside furniture, owned by elements 0 … k-1;
        // goodBefore[k]: the good text (block scores) of those elements.
        private readonly long[] before;
        private readonly double[] goodBefore;
        private readonly Dictionary<IElement, HashSet<IElement>> looseTextAfter = new();

        public FollowingText(PageTree tree, bool[] insideJunk, double[] blockGood)
        {
            this.tree = tree;
            before = new long[tree.Count + 1];
            goodBefore = new double[tree.Count + 1];
            for (var k = 0; k < tree.Count; k++)
            {
                before[k + 1] = before[k] + (insideJunk[k] ? 0 : tree.OwnText[k] - tree.OwnLinkText[k]);
                goodBefore[k + 1] = goodBefore[k] + (insideJunk[k] ? 0 : blockGood[k]);
            }
        }

        /// <summary>The good text after element <paramref name="i"/> inside <paramref name="within"/> (its later siblings' subtrees), outside furniture.</summary>
        public double GoodAfter(int i, int within) => goodBefore[tree.End[within]] - goodBefore[tree.End[i]];

        public bool IsTrailingHeading(int i, int container)
        {
            if (tree.Elements[i].LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6") || tree.Text[i] == 0 || tree.Text[i] > 120)
            {
                return false;
            }

            var after = before[tree.End[container]] - before[tree.End[i]];
            return after < ContentFinder.TrailingText && !LooseTextFollows(tree.Elements[i]);
        }

        /// <summary>True when text not wrapped in an element follows the heading in its parent (a heading, then &lt;br&gt; and running text).</summary>
        private bool LooseTextFollows(IElement heading)
        {
            if (heading.ParentElement is not { } parent)
            {
                return false;
            }

            if (!looseTextAfter.TryGetValue(parent, out var followed))
            {
                // One pass from the end over the parent's children: the elements that loose text follows.
                followed = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
                var siblings = parent.ChildNodes;
                var text = 0;
                for (var k = siblings.Length - 1; k >= 0; k--)
                {
                    var node = siblings[k];
                    if (node.NodeType == NodeType.Text && text < ContentFinder.TrailingText)
                    {
                        foreach (var c in node.TextContent)
                        {
                            text += char.IsWhiteSpace(c) ? 0 : 1;
                        }
                    }
                    else if (node is IElement element && text >= ContentFinder.TrailingText)
                    {
                        followed.Add(element);
                    }
                }

                looseTextAfter[parent] = followed;
            }

            return followed.Contains(heading);
        }
    }

    /// <summary>A short block (or a &lt;time&gt;) whose words alone say it is furniture: "Mehr zum Thema", a lone date.</summary>
    internal static bool IsBoilerplateLine(PageTree tree, int i, ref string? line)
    {
        if (tree.Text[i] > 100 || tree.Text[i] == 0)
        {
            return false;
        }

        var element = tree.Elements[i];
        if (element.LocalName == "time")
        {
            return DateText.IsDateOnly(Line(tree, i, ref line));
        }

        if (tree.OwnText[i] == 0)
        {
            return false;
        }

        var text = Line(tree, i, ref line);
        return Hints.IsBoilerplateText(text) || (MetaLine > 0 && Hints.IsPostMetaLine(text));
    }

    /// <summary>Element <paramref name="i"/>'s text, read on first use.</summary>
    private static string Line(PageTree tree, int i, ref string? line) => line ??= HtmlText.Of(tree.Elements[i]);

    /// <summary>
    /// A line that points to another article: a short label and one link that is the rest of it
    /// ("Lea también: …", "LE PUEDE INTERESAR: …", "Mehr zum Thema: …", "Read more: …"), in any
    /// language, because the label ends in a colon and the link, a headline of 20 characters or
    /// more, carries the line ("Kreole: Stella Hoops", a product named, stays).
    /// </summary>
    internal static bool IsReadAlsoLine(PageTree tree, int i, ref string? text)
    {
        var visible = tree.Text[i];
        if (tree.Links[i] != 1 || visible == 0 || visible > 250 || tree.LinkText[i] < 20 || tree.LinkText[i] * 2 < visible || visible - tree.LinkText[i] > 40)
        {
            return false;
        }

        var element = tree.Elements[i];
        if (element.LocalName is not ("p" or "h2" or "h3" or "h4" or "h5" or "h6" or "div" or "li" or "strong" or "b" or "span" or "em"))
        {
            return false;
        }

        var line = Line(tree, i, ref text);
        var colon = line.IndexOf(':');
        return colon > 1 && colon <= 40 && LabelBeforeLink(element, line, colon);
    }

    /// <summary>True when the element's one link starts after the colon of its label.</summary>
    private static bool LabelBeforeLink(IElement element, string line, int colon)
    {
        var link = element.QuerySelector("a[href]");
        if (link is null)
        {
            return false;
        }

        var linkText = HtmlText.Of(link);
        var at = linkText.Length == 0 ? -1 : line.IndexOf(linkText, StringComparison.Ordinal);
        return at > colon;
    }

    /// <summary>A block of its own that is a picture's caption or credit by its words: "Abbildung 4: …", "Foto: …", "… © AFP".</summary>
    private static bool IsCaptionLine(PageTree tree, int i, ref string? line) =>
        IsShortBlock(tree, i) && Hints.IsCaptionText(Line(tree, i, ref line));

    /// <summary>A short block that asks the reader to follow, subscribe, download, register or give, rather than telling the story.</summary>
    internal static bool IsCallToAction(PageTree tree, int i, ref string? line) =>
        IsShortBlock(tree, i) && Hints.IsCallToActionText(Line(tree, i, ref line));

    /// <summary>A block element of at most 250 characters, most of them its own text (not a wrapper of other blocks).</summary>
    internal static bool IsShortBlock(PageTree tree, int i) =>
        tree.OwnText[i] > 0 && tree.Text[i] <= 250 && tree.OwnText[i] * 2 >= tree.Text[i]
        && tree.Elements[i].LocalName is "p" or "div" or "li" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "section" or "aside" or "dd";

    /// <summary>A list or box that is mostly links: navigation, related stories, tag clouds.</summary>
    internal static bool IsLinkList(PageTree tree, int i)
    {
        var text = tree.Text[i];
        if (text == 0 || tree.Links[i] < 2)
        {
            return false;
        }

        var tag = tree.Elements[i].LocalName;
        if (tag is not ("ul" or "ol" or "dl" or "div" or "section" or "table" or "p" or "header" or "span"))
        {
            return false;
        }

        return tree.LinkText[i] * 2 > text;
    }
}
