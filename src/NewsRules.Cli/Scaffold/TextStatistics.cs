using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Generic;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// How much of what kind of text every element of a page holds: a view over the
/// <see cref="PageTree"/> the generic extractor built for the page (one walk of the page, two
/// uses). The tree gives the elements (visible ones, in document order), their parents and the
/// block each text belongs to; the view weighs the text nodes directly under the tree's elements
/// in the scaffold's own measure, which the tree does not count: letters and digits, CJK
/// characters ×3, link text inside any <c>a</c>. Forms, which the tree walks (ASP.NET pages wrap
/// the whole page in one), are left out, as the rule engine leaves them out.
/// The page is cut into text units: the text whose nearest block-level ancestor is the same
/// element (a <c>p</c>, a <c>li</c>, a <c>div</c> holding text directly). A unit is
/// <em>paragraph</em> text when it is long and mostly not link text, <em>link</em> text when
/// mostly links (menus, related lists, tag clouds), <em>short</em> text otherwise (bylines,
/// buttons, dates), and <em>neutral</em> for headings and captions. Text inside page
/// furniture (navigation, teaser lists, comment sections, consent dialogs) counts as link text
/// however long it is. Each element's measure sums the units below it.
/// </summary>
internal sealed class TextStatistics
{
    /// <summary>A unit needs this many weighted letters to count as paragraph text.</summary>
    public const int ParagraphWeight = 50;

    /// <summary>
    /// How much a letter of each kind of non-paragraph text costs a body candidate. Link text
    /// is what surrounds articles (navigation, related stories); short text is half article
    /// furniture (bylines, dates) and half page furniture (buttons, labels).
    /// </summary>
    public static readonly Costs DefaultCosts = new(1.0, 0.3);

    private readonly Dictionary<IElement, int> index = new();
    private readonly List<IElement> elements = new();
    private readonly List<int> parents = new();
    private readonly List<Measure> measures = new();
    private readonly List<bool> furniture = new();

    private TextStatistics()
    {
    }

    /// <summary>Every measured element in document order (skipped elements such as scripts are not measured).</summary>
    public IReadOnlyList<IElement> Elements => elements;

    /// <summary>How deep the page's elements nest.</summary>
    public int Depth { get; private set; }

    /// <summary>
    /// True for pages nested so deep (hostile or broken markup) that naming elements through
    /// their ancestors, which CSS matching pays for with a walk up the tree per element, would
    /// take quadratic time: only an element's own names are tried then.
    /// </summary>
    public bool IsDeep => Depth > 1000;

    /// <summary>The paragraph weight of the whole page.</summary>
    public double PageParagraphs { get; private set; }

    /// <summary>The measure of an element (empty for elements the walk skipped).</summary>
    public Measure this[IElement element] => index.TryGetValue(element, out var i) ? measures[i] : default;

    /// <summary>How good a body container the element is: its paragraph text less the cost of the other text it drags in.</summary>
    public double Score(IElement element) => Score(this[element], DefaultCosts);

    /// <summary>The score of an element with other costs.</summary>
    public double Score(IElement element, Costs costs) => Score(this[element], costs);

    /// <summary>The score of a measure.</summary>
    public static double Score(Measure measure, Costs costs) => measure.Paragraphs - (costs.Link * measure.Links) - (costs.Short * measure.Short);

    /// <summary>True for an element in navigation, a teaser list, comments or a consent dialog: never part of the article.</summary>
    public bool IsFurniture(IElement element) => index.TryGetValue(element, out var i) && furniture[i];

    /// <summary>True when the view measures the element: it is in the page tree (not inside a script, hidden element…) and not inside a form.</summary>
    public bool Contains(IElement element) => index.ContainsKey(element);

    /// <summary>The element's index in <see cref="Elements"/>, or -1 when it is not measured.</summary>
    public int IndexOf(IElement element) => index.TryGetValue(element, out var i) ? i : -1;

    /// <summary>One past the last element below element <paramref name="i"/>: its subtree is the index range [i, End(i)) of <see cref="Elements"/>.</summary>
    public int End(int i) => i + measures[i].Elements;

    /// <summary>The statistics of the page <paramref name="tree"/> was built from (normally by <see cref="GenericChoices.Of(IDocument, System.Uri, out PageTree?)"/>).</summary>
    public static TextStatistics Of(PageTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var statistics = new TextStatistics();
        statistics.Fill(tree);
        return statistics;
    }

    /// <summary>The weight of text: letters and digits count 1, CJK characters 3 (they carry about a word each).</summary>
    public static int Weight(string text)
    {
        var weight = 0;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                weight += 3;
            }
            else if (char.IsLetterOrDigit(c))
            {
                weight++;
            }
        }

        return weight;
    }

    /// <summary>Hiragana, Katakana, CJK ideographs and Hangul: scripts written without spaces between words.</summary>
    public static bool IsCjk(char c) =>
        (c >= '\u3040' && c <= '\u30FF') // Hiragana, Katakana
        || (c >= '\u3400' && c <= '\u4DBF') // CJK extension A
        || (c >= '\u4E00' && c <= '\u9FFF') // CJK unified ideographs
        || (c >= '\uAC00' && c <= '\uD7AF') // Hangul syllables
        || (c >= '\uF900' && c <= '\uFAFF'); // CJK compatibility ideographs

    private void Fill(PageTree tree)
    {
        var teasers = Teasers(tree);
        var n = tree.Count;

        // Per tree element: its index here (-1 inside a form), its unit's owner (nearest block),
        // whether it is inside an a, its depth (the document element counts 1).
        var at = new int[n];
        var owners = new int[n];
        var inLink = new bool[n];
        var depths = new int[n];

        // Per owner (block element, by index here): its unit's letters and link letters.
        var unitLetters = new List<int>();
        var unitLinks = new List<int>();
        for (var t = 0; t < n; t++)
        {
            var element = tree.Elements[t];
            var parent = tree.Parent[t];
            if ((parent >= 0 && at[parent] < 0) || element.LocalName == "form")
            {
                at[t] = -1;
                continue;
            }

            var i = Add(element, parent < 0 ? -1 : at[parent]);
            at[t] = i;
            unitLetters.Add(0);
            unitLinks.Add(0);
            depths[t] = parent < 0 ? (element.LocalName == "html" ? 1 : 2) : depths[parent] + 1;
            if (element.FirstChild is not null)
            {
                Depth = Math.Max(Depth, depths[t]);
            }

            // The tree's root is the body, measured as any element below the document element (which is never furniture).
            var nav = parent < 0
                ? element.LocalName != "html" && (element.LocalName == "nav" || ClassWords.IsFurniture(element))
                : furniture[at[parent]] || element.LocalName == "nav" || teasers.Contains(element) || ClassWords.IsFurniture(element);
            furniture.Add(nav);
            owners[t] = parent < 0 || HtmlText.IsBlockLevel(element) ? i : owners[parent];
            inLink[t] = (parent >= 0 && inLink[parent]) || element.LocalName == "a";

            // The text directly in the element: the tree counted it, in its own measure; weigh it in this one.
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text)
                {
                    var weight = Weight(text.Data);
                    unitLetters[owners[t]] += weight;
                    if (inLink[t])
                    {
                        unitLinks[owners[t]] += weight;
                    }
                }
            }
        }

        // Classify every unit into its owner's own measure.
        for (var i = 0; i < elements.Count; i++)
        {
            var letters = unitLetters[i];
            if (letters == 0)
            {
                continue;
            }

            var links = unitLinks[i];
            var name = elements[i].LocalName;
            var measure = measures[i];
            if (links * 2 > letters || furniture[i])
            {
                measure = measure with { Links = measure.Links + letters };
            }
            else if (name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "figcaption" or "caption")
            {
                measure = measure with { Neutral = measure.Neutral + letters };
            }
            else if (letters >= ParagraphWeight)
            {
                measure = measure with { Paragraphs = measure.Paragraphs + letters, ParagraphCount = measure.ParagraphCount + 1 };
            }
            else
            {
                measure = measure with { Short = measure.Short + letters };
            }

            measures[i] = measure;
        }

        // Children come after their parents in document order: sum bottom-up in one backward sweep.
        for (var i = elements.Count - 1; i > 0; i--)
        {
            var parent = parents[i];
            measures[parent] = measures[parent].Plus(measures[i]);
        }

        PageParagraphs = elements.Count == 0 ? 0 : measures[0].Paragraphs;
    }

    /// <summary>
    /// The items of lists of teasers to other pages (related stories, "more from"): three or
    /// more siblings of one tag and class, each a little text around a link. Their text counts
    /// as link text even where the headline itself is not inside the link.
    /// </summary>
    private static HashSet<IElement> Teasers(PageTree tree)
    {
        var teasers = new HashSet<IElement>();
        var groups = new Dictionary<string, List<IElement>>(System.StringComparer.Ordinal);
        foreach (var parent in tree.Elements)
        {
            // Nothing in a form is measured (below), so a form's own items need not be sorted.
            // Elements deeper inside a form are still visited here; their items are sorted but
            // never measured, which costs a little work and changes no output.
            if (parent.LocalName == "form")
            {
                continue;
            }

            groups.Clear();
            foreach (var child in parent.Children)
            {
                // Class-less divs and sections are page structure, not list items.
                if (child.LocalName is "li" or "article" || (child.LocalName is "div" or "section" && child.ClassList.Length > 0))
                {
                    var key = child.LocalName + " " + (child.GetAttribute("class") ?? string.Empty);
                    if (!groups.TryGetValue(key, out var group))
                    {
                        groups[key] = group = new List<IElement>();
                    }

                    group.Add(child);
                }
            }

            foreach (var group in groups.Values)
            {
                // Nearly every item links somewhere and holds little text: paragraphs of an
                // article that happen to be <div>s link now and then, not each time.
                if (group.Count < 3)
                {
                    continue;
                }

                var small = group.Where(IsTeaser).ToList();
                if (small.Count >= 0.8 * group.Count)
                {
                    teasers.UnionWith(small);
                }
            }
        }

        return teasers;
    }

    // A teaser: a link and a little text, or a linked headline over an excerpt.
    private static bool IsTeaser(IElement item) =>
        SelectorNaming.First(item, "a[href]") is not null
        && (Weight(HtmlText.Of(item)) < 400
            || SelectorNaming.All(item, "h2, h3, h4").Any(h => SelectorNaming.First(h, "a[href]") is { } link && Weight(HtmlText.Of(link)) * 10 >= Weight(HtmlText.Of(h)) * 9));

    private int Add(IElement element, int parent)
    {
        var i = elements.Count;
        elements.Add(element);
        parents.Add(parent);
        measures.Add(new Measure(0, 0, 0, 0, 0, 1));
        index[element] = i;
        return i;
    }
}

/// <summary>What a letter of link text and of short text costs a body candidate, against a letter of paragraph text gained.</summary>
internal readonly record struct Costs(double Link, double Short);

/// <summary>Weighted letters of each kind of text below an element.</summary>
/// <param name="Paragraphs">Letters in paragraph units (long, mostly not links).</param>
/// <param name="Links">Letters in link-dominated units, and all letters in page furniture.</param>
/// <param name="Short">Letters in short units.</param>
/// <param name="Neutral">Letters in headings and captions.</param>
/// <param name="ParagraphCount">How many paragraph units.</param>
/// <param name="Elements">How many elements: the element itself and every measured element below it.</param>
internal readonly record struct Measure(double Paragraphs, double Links, double Short, double Neutral, int ParagraphCount, int Elements)
{
    /// <summary>All the letters.</summary>
    public double Total => Paragraphs + Links + Short + Neutral;

    /// <summary>The sum of two measures.</summary>
    public Measure Plus(Measure other) => new(
        Paragraphs + other.Paragraphs,
        Links + other.Links,
        Short + other.Short,
        Neutral + other.Neutral,
        ParagraphCount + other.ParagraphCount,
        Elements + other.Elements);
}
