using AngleSharp.Dom;
using NewsRules.Engine;
using NewsRules.Html;

namespace NewsRules.Tests.Engine;

/// <summary>
/// The engine's cheap pre-test of selectors (<see cref="SelectorFilter"/>): it may only ever
/// save work, never change what a selector selects.
/// </summary>
public sealed class SelectorFilterTests
{
    // Mixed-case classes and ids, tabs and newlines between classes, attributes with and
    // without values, nesting for combinators, svg, and a page in quirks mode (no doctype).
    private const string Page = """
        <html><head>
          <meta property="og:title" content="T"><meta name="author" content="A">
          <base href="/x/">
        </head><body>
          <div id="Main" class="article  Story	wide
            lead"><h1 class="heading">H</h1>
            <div class="text"><p>one</p><p class="note">two</p><p data-x>three</p></div>
            <ul class="tags"><li><a href="/a" rel="tag">a</a></li><li><a rel="author"><span itemprop="name">N</span></a></li></ul>
          </div>
          <figure><img src="i.jpg" alt=""><figcaption class="Caption">C <span class="credit">K</span></figcaption></figure>
          <svg class="icon"><use href="#i"></use></svg>
          <dl class="p-information__data"><dt>x</dt><dd>1</dd><dd>2</dd></dl>
          <p class="text-muted">muted</p><p class="textx">x</p>
        </body></html>
        """ + Classes;

    // Classes between white space AngleSharp does not split at (no-break space, vertical tab),
    // one class written twice in two cases, an svg holding HTML; parsed into the body.
    private const string Classes =
        "<section class=\"box\u00A0wide Wide\vcard\" id=\"Box\"><div class=\"box\"><div class=\"Inner inner\"><p class=\"note NOTE\">n</p></div></div></section>"
        + "<svg><foreignObject class=\"fo\"><p class=\"note\">in svg</p></foreignObject><title class=\"t\">t</title></svg>";

    private static readonly string[] AllSelectors =
    [
        "h1", "H1", ".article", ".story", ".Story", ".wide", ".lead", ".text", ".text p", ".article .text p:last-of-type",
        "#Main", "#main", "div#Main.article", "meta[property=\"og:title\"]", "meta[name=author]", "[data-x]", "p[data-x]",
        "*[rel=\"author\"] *[itemprop=\"name\"]", "a[href^='/']", "ul.tags > li a", "h1, .note", "figure figcaption", ".caption",
        "figcaption .credit", "svg.icon", "use", "dl.p-information__data dd:nth-of-type(2)", "p:not(.note)", "*", ":first-child",
        "h1 ~ div", "div + figure", ".text-muted", ".textx", "p.text", "[class~=wide]", "[id=Main]", "base[href]", "li:first-child a",
        ".article .text p", "div > * > p", ".a + .b p", "div.text > p.note", "#Main p[data-x]", "body div .credit",
        ".box", ".Wide", ".card", ".inner", ".INNER", ".NOTE", "#box", "#Box", "section#Box .inner p.note",
        "section .box .note", "section .box > div .note", "section * .note", "*.note", "div.box.box .note", ".Wide p",
        "foreignObject p", "foreignobject .note", "svg title.t", "TITLE", ".box, #Box", ".box, p:first-child", "#Main .note, .inner",
    ];

    public static TheoryData<string> Selectors()
    {
        var data = new TheoryData<string>();
        foreach (var css in AllSelectors)
        {
            data.Add(css);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_engine_selects_exactly_what_AngleSharp_selects(string css)
    {
        foreach (var html in new[] { Page, "<!DOCTYPE html>" + Page })
        {
            var document = HtmlDocuments.Parse(html);
            var expected = document.QuerySelectorAll(css).ToList();

            var actual = new Selector(css).QueryAll(document);

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void The_index_selects_exactly_what_AngleSharp_selects_for_every_selector_at_once()
    {
        var selectors = AllSelectors.Select(css => new Selector(css)).ToList();
        // Each selector alone, a group of all of them, and a group that repeats one selector.
        var groups = selectors.Select(s => (IReadOnlyList<Selector>)new[] { s }).ToList();
        groups.Add(selectors);
        groups.Add(new[] { selectors[0], selectors[0], selectors[7] });
        var index = new SelectorIndex(groups);
        foreach (var html in new[] { Page, "<!DOCTYPE html>" + Page })
        {
            var document = HtmlDocuments.Parse(html);
            var results = index.Match(document);

            for (var i = 0; i < selectors.Count; i++)
            {
                Assert.Equal(document.QuerySelectorAll(selectors[i].Css).ToList(), results[i]);
            }

            Assert.Equal(document.QuerySelectorAll(string.Join(", ", selectors.Select(s => s.Css))).ToList(), results[selectors.Count]);
            Assert.Equal(document.QuerySelectorAll(selectors[0].Css + ", " + selectors[7].Css).ToList(), results[selectors.Count + 1]);

            // Inside an element: its descendants only, with ancestors above it still counting.
            var main = document.GetElementById("Main")!;
            var inside = index.Match(main);
            for (var i = 0; i < selectors.Count; i++)
            {
                Assert.Equal(main.QuerySelectorAll(selectors[i].Css).ToList(), inside[i]);
            }
        }
    }

    [Fact]
    public void Names_the_index_calls_equal_share_a_class_bucket()
    {
        // The index turns a class down by its bucket before its dictionary (OrdinalIgnoreCase) is asked.
        var random = new Random(7);
        const string Letters = "abcxyzABCXYZ-_09äÄöÖßẞıIiİσΣςǅǆǄ\u212A\u017Fks";
        for (var n = 0; n < 5_000; n++)
        {
            var chars = new char[random.Next(1, 12)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = Letters[random.Next(Letters.Length)];
            }

            var name = new string(chars);
            foreach (var other in new[] { name.ToUpperInvariant(), name.ToLowerInvariant(), name.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("tr-TR")) })
            {
                if (StringComparer.OrdinalIgnoreCase.Equals(name, other))
                {
                    Assert.Equal(SelectorIndex.ClassBucket(name), SelectorIndex.ClassBucket(other));
                }
            }
        }
    }

    [Theory]
    [InlineData(".article .text p", "<div class='article'><div class='text'><p>x</p></div></div>", true)]
    [InlineData(".article .text p", "<div class='text'><div class='article'><p>x</p></div></div>", false)]
    [InlineData(".article .text p", "<div class='text'><p>x</p></div>", false)]
    [InlineData("ul.tags > li a", "<ul class='tags'><li><span><a>x</a></span></li></ul>", true)]
    [InlineData("ul.tags > li a", "<ol class='tags'><li><a>x</a></li></ol>", false)]
    [InlineData("div > * > p", "<div><span><p>x</p></span></div>", true)]
    [InlineData("section p", "<div><p>x</p></div>", false)]
    [InlineData(".a + .b p", "<div class='b'><p>x</p></div>", true)]
    public void Ancestors_are_checked_before_AngleSharp_is_asked(string css, string html, bool mayMatch)
    {
        var document = HtmlDocuments.Parse("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var target = document.QuerySelectorAll("p, a").Last();

        var filter = SelectorFilter.For(new Selector(css).Parsed);

        Assert.NotNull(filter);
        Assert.Equal(mayMatch, filter.MayMatch(target));
    }

    [Fact]
    public void Elements_without_the_class_or_tag_are_turned_down_before_AngleSharp_is_asked()
    {
        var document = HtmlDocuments.Parse(Page);
        var filter = SelectorFilter.For(new Selector("div.text p").Parsed);
        Assert.NotNull(filter);

        var paragraphs = document.QuerySelectorAll("div.text p").ToList();
        // Other tags, and paragraphs outside a div.text (their ancestors are checked too).
        var others = document.QuerySelectorAll("div, li, h1, figure, body > p").ToList();

        Assert.All(paragraphs, p => Assert.True(filter.MayMatch(p)));
        Assert.All(others, e => Assert.False(filter.MayMatch(e)));
    }

    [Theory]
    [InlineData(".article", "<div class='story article'></div>", true)]
    [InlineData(".article", "<div class='articles'></div>", false)]
    [InlineData(".article", "<div class='my-article'></div>", false)]
    [InlineData(".article", "<div></div>", false)]
    [InlineData("div.a.b", "<div class='b a'></div>", true)]
    [InlineData("div.a.b", "<div class='a'></div>", false)]
    [InlineData("span.a", "<div class='a'></div>", false)]
    [InlineData("[data-src]", "<div data-src=''></div>", true)]
    [InlineData("[data-src]", "<div src='x'></div>", false)]
    [InlineData("#x", "<div id='x'></div>", true)]
    [InlineData("#x", "<div id='y'></div>", false)]
    [InlineData("h1, .a", "<div class='a'></div>", true)]
    [InlineData("h1, .a", "<div></div>", false)]
    public void Filter_reads_classes_ids_tags_and_attribute_names(string css, string element, bool mayMatch)
    {
        var document = HtmlDocuments.Parse("<!DOCTYPE html><html><body>" + element + "</body></html>");
        var target = document.Body!.FirstElementChild!;

        var filter = SelectorFilter.For(new Selector(css).Parsed);

        Assert.NotNull(filter);
        Assert.Equal(mayMatch, filter.MayMatch(target));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(":first-child")]
    [InlineData("h1, :first-child")]
    [InlineData("div > *")]
    public void Selectors_whose_subject_has_nothing_cheap_to_check_get_no_filter(string css)
    {
        Assert.Null(SelectorFilter.For(new Selector(css).Parsed));
    }
}
