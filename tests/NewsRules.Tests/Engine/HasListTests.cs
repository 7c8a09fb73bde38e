using System.Linq;
using NewsRules.Engine;
using NewsRules.Html;
using NewsRules.Rules.Definition;

namespace NewsRules.Tests.Engine;

/// <summary>
/// <c>:has()</c> with a list of relative selectors (<c>div:has(&gt; p, &gt; h3)</c>): AngleSharp
/// alone matched every <c>div</c>, with or without such a child. The engine reads the list as one
/// <c>:has()</c> per item (<see cref="SelectorSyntax.SplitHasLists"/>).
/// </summary>
public sealed class HasListTests
{
    private const string Page = """
        <html><body>
          <div id="a"><p>x</p></div>
          <div id="b"><h3>y</h3></div>
          <div id="c"><span>z</span></div>
          <div id="d"><section><p>deep</p></section></div>
        </body></html>
        """;

    [Theory]
    [InlineData("div:has(> p, > h3)", "a,b")]
    [InlineData("div:has(>p,>h3)", "a,b")]
    [InlineData("div:has(p, h3)", "a,b,d")]
    [InlineData("div:has(p, > h3)", "a,b,d")]
    [InlineData("div:has(+ div > p, > h3)", "b")]
    [InlineData("div:not(:has(> p, > h3))", "c,d")]
    [InlineData("div:HAS(> p, > h3)", "a,b")]
    [InlineData("div:has(> p)", "a")]
    [InlineData("div:has(> :is(p, h3))", "a,b")]
    [InlineData("div:has(> section:has(> p, > h3))", "d")]
    public void A_has_list_matches_what_each_item_matches(string css, string ids)
    {
        var document = HtmlDocuments.Parse(Page);

        var matched = new Selector(css).EnumerateMatches(document).Select(e => e.Id);

        Assert.Equal(ids, string.Join(",", matched));
    }

    [Theory]
    [InlineData("div:has(> p, > h3)", "div:is(:has(> p), :has(> h3))")]
    [InlineData("a:has(b , c), x:has(y,z)", "a:is(:has(b), :has(c)), x:is(:has(y), :has(z))")]
    [InlineData("p:has(a[title='x, y'])", "p:has(a[title='x, y'])")]
    [InlineData("p:has(:is(a, b))", "p:has(:is(a, b))")]
    [InlineData("p[data-x=':has(a, b)']", "p[data-x=':has(a, b)']")]
    [InlineData("div:has(> section:has(> p, > h3), > h2)", "div:is(:has(> section:is(:has(> p), :has(> h3))), :has(> h2))")]
    [InlineData(".story", ".story")]
    [InlineData("div:has(> p", "div:has(> p")]
    public void Only_has_lists_are_rewritten(string css, string expected) =>
        Assert.Equal(expected, SelectorSyntax.SplitHasLists(css));

    [Fact]
    public void Text_without_a_list_is_the_same_string()
    {
        const string css = ".article .text p:has(img)";

        Assert.Same(css, SelectorSyntax.SplitHasLists(css));
    }
}
