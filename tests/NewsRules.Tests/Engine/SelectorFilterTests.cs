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
        """;

    public static TheoryData<string> Selectors() => new()
    {
        "h1", "H1", ".article", ".story", ".Story", ".wide", ".lead", ".text", ".text p", ".article .text p:last-of-type",
        "#Main", "#main", "div#Main.article", "meta[property=\"og:title\"]", "meta[name=author]", "[data-x]", "p[data-x]",
        "*[rel=\"author\"] *[itemprop=\"name\"]", "a[href^='/']", "ul.tags > li a", "h1, .note", "figure figcaption", ".caption",
        "figcaption .credit", "svg.icon", "use", "dl.p-information__data dd:nth-of-type(2)", "p:not(.note)", "*", ":first-child",
        "h1 ~ div", "div + figure", ".text-muted", ".textx", "p.text", "[class~=wide]", "[id=Main]", "base[href]", "li:first-child a",
    };

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
    public void Elements_without_the_class_or_tag_are_turned_down_before_AngleSharp_is_asked()
    {
        var document = HtmlDocuments.Parse(Page);
        var filter = SelectorFilter.For(new Selector("div.text p").Parsed);
        Assert.NotNull(filter);

        var paragraphs = document.QuerySelectorAll("p").ToList();
        var others = document.QuerySelectorAll("div, li, h1, figure").ToList();

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
