using AngleSharp.Dom;
using NewsRules.Html;

namespace NewsRules.Generic.Tests;

/// <summary>
/// Shortcuts of the content scorer and the page scan (issue 9, fifth round), each checked
/// against the code it replaced: the class/id verdict of names that hold no word of the
/// patterns, the role and class read with an element's hint, the page tree's index by search,
/// the image link matched without its selector, the page scan's one search of a class for all
/// its class tests, and the digit count before the words of a date-only line.
/// </summary>
public sealed class ScorerShortcutTests
{
    private static readonly string[] Fragments =
    {
        "row", "col", "md", "8", "clearfix", "wrap", "wrapper", "header", "head", "loaded", "shadow", "x", "grid", "block",
        "inner", "outer", "container", "section", "hero", "lead", "title", "heading", "img", "figure", "caption", "list",
        "ad", "tag", "nav", "post", "main", "text", "card", "entry", "story", "hentry", "teaser", "promo", "menu", "like",
        "AD", "Nav", "Main", "ı", "ſ", "é", "K", "_", "-", " ", "--", "__",
    };

    [Theory]
    [InlineData("row")]
    [InlineData("col-md-8 clearfix")]
    [InlineData("wrapper inner")]
    [InlineData("hero-image figure")]
    [InlineData("grid__item")]
    public void Names_without_a_verdict_word_are_none(string names)
    {
        Assert.Equal(Hint.None, Hints.OfNamesByPatterns(names));
        Assert.Equal(Hint.None, Hints.OfNames(names));
    }

    [Fact]
    public void Random_names_without_a_verdict_word_are_none_by_the_patterns()
    {
        var random = new Random(9);
        var checkedNames = 0;
        for (var round = 0; round < 50_000; round++)
        {
            var builder = new System.Text.StringBuilder();
            var count = random.Next(1, 6);
            for (var k = 0; k < count; k++)
            {
                builder.Append(Fragments[random.Next(Fragments.Length)]);
            }

            var names = builder.ToString();
            var holdsWord = Hints.VerdictWords.Any(w => names.Contains(w, StringComparison.OrdinalIgnoreCase));
            Assert.True(Hints.OfNames(names) == Hints.OfNamesByPatterns(names), names);
            if (!holdsWord)
            {
                checkedNames++;
                Assert.True(Hints.OfNamesByPatterns(names) == Hint.None, names);
            }
        }

        Assert.True(checkedNames > 5_000, $"only {checkedNames} names without a word");
    }

    [Theory]
    [InlineData("<body><main role=navigation class='a caption'><p>x</p></main></body>")]
    [InlineData("<body><nav role=MAIN class=menu><a href=/>Home</a></nav><aside class=wp-caption-text>c</aside></body>")]
    [InlineData("<body><div role=' main ' class=entry-content id=x><figcaption>f</figcaption></div><div ROLE=main CLASS=Caption>y</div></body>")]
    [InlineData("<body><div itemprop=articleBody role=main class=x>t</div><svg role=main class=caption><g class=legend></g></svg><span class></span></body>")]
    public void Role_and_class_read_with_the_hint_are_what_get_attribute_gives(string html)
    {
        AssertRoleAndClass(HtmlDocuments.Parse(html), html);
    }

    [Theory]
    [InlineData("<head><link rel=image_src href=a></head>")]
    [InlineData("<head><link rel='icon IMAGE_SRC' href=a></head>")]
    [InlineData("<head><link rel=image_src></head>")]
    [InlineData("<head><link rel=image_srcx href=a><link rel='x\timage_src\n' href=b></head>")]
    public void Image_link_by_hand_is_the_selectors(string html)
    {
        AssertImageLinks(HtmlDocuments.Parse(html), html);
    }

    [Fact]
    public void Random_rel_values_match_as_the_selector_matches()
    {
        string[] parts = { "image_src", "IMAGE_SRC", "Image_Src", "ımage_src", "image_ſrc", "image_src2", "ximage_src", "icon", " ", "\t", "\n", "\f", "\u00a0", "," };
        var random = new Random(11);
        var html = new System.Text.StringBuilder("<head>");
        for (var round = 0; round < 3_000; round++)
        {
            var rel = new System.Text.StringBuilder();
            for (var k = random.Next(1, 5); k > 0; k--)
            {
                rel.Append(parts[random.Next(parts.Length)]);
            }

            html.Append("<link rel=\"").Append(rel).Append('"').Append(random.Next(3) == 0 ? string.Empty : " href=x").Append('>');
        }

        var document = HtmlDocuments.Parse(html.Append("</head>").ToString());
        Assert.True(document.QuerySelectorAll("link").Length == 3_000);
        AssertImageLinks(document, "random rel values");
    }

    [Fact]
    public void Index_of_an_element_outside_the_tree_is_minus_one()
    {
        var document = HtmlDocuments.Parse("<head><title>t</title></head><body><p>a</p><div hidden><p>b</p></div><p>c</p></body>");
        var tree = PageTree.Build(document.Body!);
        Assert.Equal(-1, tree.IndexOf(document.QuerySelector("title")!));
        Assert.Equal(-1, tree.IndexOf(document.QuerySelector("div[hidden] p")!));
        Assert.Equal(0, tree.IndexOf(document.Body!));
        Assert.Equal(tree.Count - 1, tree.IndexOf(document.QuerySelectorAll("p")[^1]));
    }

    [Theory]
    [InlineData("<body><div class='post-meta'><span class=Date>1</span><span class=updated-time>2</span></div><p class=byline-author>x</p></body>")]
    [InlineData("<body><h2 class='entry-title'>t</h2><div class=entrytitle id=author-box>a</div><div id=pubdate class=foo>d</div><abbr class=published title=x>y</abbr></body>")]
    [InlineData("<body><time datetime=2020>t</time><div class='datum' datetime=2020>d</div><div class='DATE meta'>m</div><a rel=AUTHOR class=x>a</a></body>")]
    public void Scan_lists_are_what_their_selectors_find(string html)
    {
        AssertScanLists(HtmlDocuments.Parse(html), html);
    }

    [Fact]
    public void Date_only_lines_by_the_digit_count_are_those_by_the_words()
    {
        string[] parts =
        {
            "23", "10", "2018", ".", ",", " ", ":", "|", "Uhr", "um", "am", "Dienstag", "Juni", "January", "jan", "Jan.", "3",
            "05", "28", "h", "Foto", "by", "٣", "١٢", "२०२०", "x", "-", "/", "\u00a0", "Mär", "März", "\n",
        };
        var random = new Random(13);
        var dates = 0;
        for (var round = 0; round < 50_000; round++)
        {
            var builder = new System.Text.StringBuilder();
            for (var k = random.Next(1, 9); k > 0; k--)
            {
                builder.Append(parts[random.Next(parts.Length)]);
            }

            var text = builder.ToString();
            var expected = Outcome(DateText.IsDateOnlyByWords, text);
            Assert.True(expected == Outcome(DateText.IsDateOnly, text), text);
            dates += expected == "True" ? 1 : 0;
        }

        Assert.True(dates > 100, $"only {dates} date lines");
    }

    [CorpusFact("trafilatura-eval")]
    public void On_every_corpus_page_the_shortcuts_give_what_the_code_they_replace_gave()
    {
        var pages = 0;
        foreach (var (path, document) in CorpusPages.TrafilaturaEval())
        {
            AssertRoleAndClass(document, path);
            AssertImageLinks(document, path);
            AssertScanLists(document, path);
            foreach (var element in document.All)
            {
                if (element.ChildElementCount == 0 && element.TextContent is { Length: <= 60 } text)
                {
                    Assert.True(DateText.IsDateOnlyByWords(text) == DateText.IsDateOnly(text), text);
                }
            }

            var tree = PageTree.Build(document.Body ?? document.DocumentElement);
            var index = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < tree.Count; i++)
            {
                index[tree.Elements[i]] = i;
            }

            foreach (var element in document.All)
            {
                Assert.Equal(index.TryGetValue(element, out var i) ? i : -1, tree.IndexOf(element));
            }

            pages++;
        }

        Assert.True(pages > 900, $"only {pages} pages");
    }

    private static void AssertRoleAndClass(IDocument document, string what)
    {
        var cache = new Dictionary<string, Hint>(StringComparer.Ordinal);
        foreach (var element in document.All)
        {
            var hint = Hints.Of(element, cache, out var role, out var cls);
            Assert.True(hint == Hints.Of(element), what);
            Assert.True(role == element.GetAttribute("role"), what);
            Assert.True(cls == element.GetAttribute("class"), what);
            var mainBefore = element.LocalName == "main" || string.Equals(element.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase);
            Assert.True(mainBefore == ContentFinder.IsMain(element, role), what);
            Assert.True(Hints.IsCaption(element) == Hints.IsCaption(element, cls), what);
        }
    }

    /// <summary>
    /// What a test says, or the exception it throws: <see cref="DateText.Find"/> throws on a date
    /// written in Arabic-Indic or Devanagari digits (\d matches them, int.Parse does not), and the
    /// shortcut must throw where the reference throws.
    /// </summary>
    private static string Outcome(Func<string, bool> test, string text)
    {
        try
        {
            return test(text).ToString();
        }
        catch (FormatException exception)
        {
            return exception.GetType().Name;
        }
    }

    /// <summary>The page scan's lists, as the selectors it matches by hand find them (document order).</summary>
    private static void AssertScanLists(IDocument document, string what)
    {
        var scan = PageScan.Of(document);
        Assert.True(document.QuerySelectorAll("meta[content], meta[value]").SequenceEqual(scan.Metas), what);
        Assert.True(document.QuerySelectorAll("script[type]").SequenceEqual(scan.Scripts), what);
        Assert.Same(document.QuerySelector("title"), scan.Title);
        Assert.Same(document.QuerySelector("h1"), scan.FirstH1);
        Assert.Same(document.QuerySelector("link[rel~='image_src'][href]"), scan.ImageLink);
        Assert.True(document.QuerySelectorAll("h1, h2, h3, [itemprop~='headline'], [class*='entry-title'], [class*='post-title'], [class*='article-title'], [class*='posttitle']").SequenceEqual(scan.Headings), what);
        // Authors: the selector, and (no selector can say it) a class token naming an author box in German or French.
        const string authorSelector = "[itemprop~='author'], [rel~='author'], [class*='author'], [class*='byline'], [id*='author']";
        var authors = document.QuerySelectorAll("*")
            .Where(e => e.Matches(authorSelector) || (e.GetAttribute("class") is { } c && PageScan.HasAuthorToken(c)));
        Assert.True(authors.SequenceEqual(scan.Authors), what);
        Assert.True(document.QuerySelectorAll("[itemprop~='datePublished'], time[pubdate], time[datetime], abbr.published[title], [class*='date'][datetime]").SequenceEqual(scan.Dates), what);
        Assert.True(document.QuerySelectorAll("[class*='date'], [class*='time'], [class*='meta'], [id*='date'], [class*='datum']").SequenceEqual(scan.DateTexts), what);
    }

    private static void AssertImageLinks(IDocument document, string what)
    {
        foreach (var link in document.QuerySelectorAll("link"))
        {
            Assert.True(PageScan.IsImageLinkBySelector(link) == PageScan.IsImageLink(link), what + ": " + link.OuterHtml);
        }
    }
}
