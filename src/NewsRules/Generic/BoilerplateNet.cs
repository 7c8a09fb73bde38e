using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Generic;

/// <summary>
/// The generic extractor's boilerplate recognition, run inside a rule's body after the rule's own
/// junk and captions: what the rule's author never saw on their sample pages (a registration wall,
/// a "Recommended" box, a video player, a paragraph that only links to another story, link text
/// hidden from sight) leaves the body as it would leave the generic extractor's.
/// </summary>
/// <remarks>
/// The rule's author chose the containers, so the net is more careful than the generic extractor's
/// pruning: an element that holds a large share of the body's prose is never taken out by its name,
/// and a caption, or an element holding one, is left to the rule.
/// </remarks>
internal sealed partial class BoilerplateNet : IBodyNet
{
    /// <summary>
    /// An element named as furniture that holds at least this share of the body's prose (and
    /// <see cref="ProseFloor"/> characters) is the rule's text, whatever its class says.
    /// </summary>
    internal const double ProseShare = 0.3;

    /// <summary>See <see cref="ProseShare"/>.</summary>
    internal const double ProseFloor = 300;

    /// <summary>At most this many visible characters beside a player (its title, duration, "Watch").</summary>
    internal const int PlayerText = 150;

    /// <summary>A link list's links average at least this many characters: headlines of other stories, not a list of names or accounts.</summary>
    internal const int HeadlineLink = 30;

    private BoilerplateNet()
    {
    }

    /// <summary>The one instance (stateless, thread-safe).</summary>
    public static BoilerplateNet Instance { get; } = new();

    /// <inheritdoc />
    public void Apply(IReadOnlyList<IElement> containers, HashSet<IElement> excluded, IReadOnlySet<IElement> captions, List<BoilerplateRemoval> removed)
    {
        foreach (var container in containers)
        {
            ApplyIn(container, excluded, captions, removed);
        }
    }

    private static void ApplyIn(IElement container, HashSet<IElement> excluded, IReadOnlySet<IElement> captions, List<BoilerplateRemoval> removed)
    {
        var tree = PageTree.Build(container);
        var n = tree.Count;
        if (n <= 1)
        {
            return;
        }

        // What the net must not take as a whole: captions and the elements holding one (a gallery
        // or a player with the rule's caption inside), and the elements holding media (for the
        // player test below).
        var holdsCaption = new bool[n];
        var holdsMedia = MediaHolders(container);
        var hints = new Hint[n];
        var verdicts = new Dictionary<string, Hint>(64, StringComparer.Ordinal);
        var classes = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var element = tree.Elements[i];
            hints[i] = Hints.Of(element, verdicts, out _, out classes[i]);
            if (captions.Contains(element))
            {
                for (var j = i; j >= 0 && !holdsCaption[j]; j = tree.Parent[j])
                {
                    holdsCaption[j] = true;
                }
            }
        }

        var (_, _, rawGood) = ContentFinder.BlockWorth(tree, ContentFinderOptions.Default);
        var prose = rawGood[0];

        // Elements that hold an element named for the article's text are its wrappers.
        var holdsContent = new bool[n];
        for (var i = n - 1; i > 0; i--)
        {
            if (hints[i] == Hint.Content || holdsContent[i])
            {
                holdsContent[tree.Parent[i]] = true;
            }
        }

        for (var i = 1; i < n; i++)
        {
            var element = tree.Elements[i];
            if (excluded.Contains(element) || captions.Contains(element))
            {
                // The rule's own junk, or a caption: the rule has decided; nothing below is the net's.
                i = tree.End[i] - 1;
                continue;
            }

            string? line = null;
            var reason = Recognise(tree, i, hints[i], classes[i], rawGood[i], prose, holdsContent[i], holdsMedia.Contains(element), ref line);
            if (reason is not null && !holdsCaption[i])
            {
                excluded.Add(element);
                removed.Add(new BoilerplateRemoval(element, reason));
                i = tree.End[i] - 1;
            }
        }
    }

    /// <summary>Why element <paramref name="i"/> is boilerplate, or null when it is not.</summary>
    private static string? Recognise(PageTree tree, int i, Hint hint, string? cls, double rawGood, double prose, bool holdsContent, bool holdsMedia, ref string? line)
    {
        var element = tree.Elements[i];
        if (IsVisuallyHidden(element, cls))
        {
            return "visually hidden";
        }

        if (tree.Text[i] == 0)
        {
            return null;
        }

        // Most of the body's prose (or, for text that is mostly links such as annotated lyrics, most
        // of its text) is the article, whatever the element's name or link density says.
        var isProse = (rawGood >= ProseShare * prose && rawGood >= ProseFloor) || tree.Text[i] * 2 >= tree.Text[0];
        if (!isProse && !holdsContent)
        {
            // Bylines, datelines, tags and meta lines are the rule's to keep or junk: sites and
            // suites disagree on them. Only the names of furniture that is never the article count.
            // Not on headings and paragraphs: their ids are anchors made from their words ("nav_phishing").
            if (hint is Hint.Boilerplate or Hint.Structure && element.LocalName is not ("p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6") && (cls is not null || element.Id is { Length: > 0 }) && FurnitureName().IsMatch(cls + " " + element.Id))
            {
                return $"named as furniture ({Describe(element, cls)})";
            }

            if (hint is Hint.Structure && element.LocalName is "nav" or "menu" or "button" or "dialog" or "select")
            {
                return $"named as furniture ({Describe(element, cls)})";
            }

            if (hint == Hint.Teaser && tree.Links[i] > 0 && tree.LinkText[i] * 4 >= tree.Text[i])
            {
                return $"teaser ({Describe(element, cls)})";
            }

            if (cls is not null && WallClass().IsMatch(cls))
            {
                return $"registration or paywall prompt ({Describe(element, cls)})";
            }

            if (rawGood < ContentFinderOptions.Default.LinkListProse && tree.Links[i] >= 3 && tree.LinkText[i] >= HeadlineLink * tree.Links[i] && element.LocalName is "ul" or "ol" or "dl" or "div" or "section" or "table" && LineKinds.IsLinkList(tree, i))
            {
                return "link list";
            }
        }

        if (holdsMedia && tree.Text[i] <= PlayerText && element.LocalName is not ("p" or "a" or "span"))
        {
            return "video or embed player";
        }

        // A lone date is a dateline only with its year: "13:00-13:15" in a programme is the article's.
        if (element.LocalName is not ("dt" or "dd" or "th" or "td") && LineKinds.IsBoilerplateLine(tree, i, ref line)
            && (!DateText.IsDateOnly(line ??= HtmlText.Of(element)) || Year().IsMatch(line)))
        {
            return "boilerplate line";
        }

        if (LineKinds.IsReadAlsoLine(tree, i, ref line))
        {
            return "read-also line";
        }

        if (element.LocalName is not ("h1" or "h2" or "h3" or "h4" or "h5" or "h6") && LineKinds.IsCallToAction(tree, i, ref line))
        {
            return "call to action";
        }

        if (IsLinkOnlyParagraph(tree, i))
        {
            return "a paragraph that only links to another story";
        }

        return null;
    }

    /// <summary>
    /// A paragraph (or subheading) whose whole text is one link of at least 25 characters and four words: another
    /// story's headline set between the article's paragraphs.
    /// </summary>
    private static bool IsLinkOnlyParagraph(PageTree tree, int i)
    {
        var element = tree.Elements[i];
        if (element.LocalName is not ("p" or "h2" or "h3" or "h4" or "h5" or "h6") || tree.Links[i] != 1 || tree.Text[i] < 25 || tree.LinkText[i] != tree.Text[i])
        {
            return false;
        }

        // A headline has words; a price or a shop's name ("Currently £20, Lakeland") is the article's.
        if (HtmlText.Of(element).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 4)
        {
            return false;
        }

        // A link within the page (#notes) or to a file is part of the article, not another story.
        // A link written out as its address ("https://…") is a reference the article gives.
        var link = element.QuerySelector("a[href]");
        var href = link?.GetAttribute("href")?.Trim() ?? string.Empty;
        var shown = link?.TextContent.TrimStart() ?? string.Empty;
        return !shown.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !shown.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && href.Length > 1 && href[0] != '#' && !href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) && !FileLink().IsMatch(href);
    }

    /// <summary>Text kept from sight by its class (sr-only, visually-hidden …) or by clipping it to nothing.</summary>
    internal static bool IsVisuallyHidden(IElement element, string? cls)
    {
        if (cls is not null && HiddenClass().IsMatch(cls))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is null)
        {
            return false;
        }

        var compact = style.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("clip:rect(0", StringComparison.Ordinal)
            || compact.Contains("clip:rect(1px", StringComparison.Ordinal)
            || compact.Contains("clip-path:inset(50%", StringComparison.Ordinal)
            || compact.Contains("clip-path:inset(100%", StringComparison.Ordinal)
            || compact.Contains("left:-9999", StringComparison.Ordinal)
            || compact.Contains("text-indent:-9999", StringComparison.Ordinal)
            || (compact.Contains("width:1px", StringComparison.Ordinal) && compact.Contains("height:1px", StringComparison.Ordinal) && compact.Contains("overflow:hidden", StringComparison.Ordinal));
    }

    /// <summary>The elements below <paramref name="container"/> that hold a video, audio, iframe or embed.</summary>
    private static HashSet<IElement> MediaHolders(IElement container)
    {
        var holders = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        foreach (var media in container.QuerySelectorAll("video, audio, iframe, object, embed"))
        {
            for (var e = media.ParentElement; e is not null && e != container && holders.Add(e); e = e.ParentElement)
            {
            }
        }

        return holders;
    }

    private static string Describe(IElement element, string? cls)
    {
        var text = element.LocalName;
        if (!string.IsNullOrEmpty(element.Id))
        {
            text += "#" + element.Id;
        }

        if (!string.IsNullOrWhiteSpace(cls))
        {
            text += "." + string.Join('.', cls.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        return text.Length <= 60 ? text : text.Substring(0, 57) + "…";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "…";

    [GeneratedRegex(@"(?<![\w-])(sr-only|sr-text|visually-?hidden|visuallyhidden|screen-?reader(-text|-only)?|element-invisible|hidden-visually|a11y-hidden|offscreen)(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenClass();

    [GeneratedRegex(@"share|sharing|social|sociable|shariff|addthis|addtoany|sharethis|related|recommend|also-?read|read-?more|see-?also|more-?(stories|articles|news|posts)|yarpp|outbrain|taboola|plista|ligatus|newsletter|subscri|signup|sign-up|cookie|consent|gdpr|advert|(?<![a-z])ads?(?![a-z])|sponsor|promo|dfp|adsense|werbung|anzeige|comment|disqus|popular|trending|most-?(read|viewed)|mostread|top-?stories|breadcrumb|pagination|pager|navigation|(?<![a-z])nav(?![a-z])|navbar|menu|toolbar|login|(?<![a-z])cta(?![a-z])|popup|modal|overlay|video-?player|jwplayer|brightcove", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureName();

    [GeneratedRegex(@"(?<!\d)(1[89]|20)\d\d(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"regwall|reg-wall|registration-?wall|register-?wall|paywall-?(promo|prompt|message|offer|cta)|meter-?(wall|prompt)|piano-?(inline|template)|tp-container", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WallClass();

    [GeneratedRegex(@"\.(pdf|docx?|xlsx?|pptx?|csv|zip|jpe?g|png|gif|mp3|mp4)(\?|#|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileLink();
}
