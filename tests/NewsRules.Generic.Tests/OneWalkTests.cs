using AngleSharp.Dom;
using NewsRules.Html;

namespace NewsRules.Generic.Tests;

/// <summary>
/// The page scan (metadata) and the page tree (content scoring) come from one walk of the page
/// (<see cref="PageScan.Of(IDocument, IElement, out PageTree)"/>): the same lists and the same
/// tree, count for count, as the two walks they replace.
/// </summary>
public sealed class OneWalkTests
{
    [Theory]
    [InlineData("<html><head><title>T</title><meta name=a content=b></head><body><p>Hello, world. 2021</p></body></html>")]
    [InlineData("<body><div hidden><p>x, y.</p><time datetime=2020>2020</time></div><p>after, 1999.</p><script type=x>1</script></body>")]
    [InlineData("<body><nav><a href=/>Home</a></nav><div style='display:none'><div><h1>In hidden</h1></div></div><h1 class=entry-title>T</h1></body>")]
    [InlineData("<body></body>")]
    [InlineData("<body><form><p>In a form, 2022.</p></form><svg><text>2019</text></svg><template><p>t</p></template></body>")]
    [InlineData("<frameset><frame src=a></frameset>")]
    [InlineData("text before 2020<p>and a <a href=x>link, 2021.</a> and <b>bold <i>italic.</i></b></p>after<div><span class=byline>By A</span></div>")]
    [InlineData("<table><tr><td>a, b.</td><td><div hidden>h</div>c</td></tr></table><ul><li>1</li><li>2.</li></ul>")]
    public void One_walk_gives_what_two_gave(string html)
    {
        AssertSame(HtmlDocuments.Parse(html), html);
    }

    [CorpusFact("trafilatura-eval")]
    public void One_walk_gives_what_two_gave_on_every_corpus_page()
    {
        var pages = 0;
        foreach (var (path, document) in CorpusPages.TrafilaturaEval())
        {
            AssertSame(document, path);
            pages++;
        }

        Assert.True(pages > 900, $"only {pages} pages");
    }

    private static void AssertSame(IDocument document, string what)
    {
        var root = document.Body ?? document.DocumentElement;
        var twoScan = PageScan.Of(document);
        var twoTree = PageTree.Build(root);
        var oneScan = PageScan.Of(document, root, out var oneTree);

        Assert.True(twoScan.Metas.SequenceEqual(oneScan.Metas), what);
        Assert.True(twoScan.Scripts.SequenceEqual(oneScan.Scripts), what);
        Assert.Same(twoScan.Title, oneScan.Title);
        Assert.Same(twoScan.FirstH1, oneScan.FirstH1);
        Assert.Same(twoScan.ImageLink, oneScan.ImageLink);
        Assert.True(twoScan.Headings.SequenceEqual(oneScan.Headings), what);
        Assert.True(twoScan.Authors.SequenceEqual(oneScan.Authors), what);
        Assert.True(twoScan.Dates.SequenceEqual(oneScan.Dates), what);
        Assert.True(twoScan.DateTexts.SequenceEqual(oneScan.DateTexts), what);
        Assert.True(twoScan.DatedLines.SequenceEqual(oneScan.DatedLines), what);

        Assert.Same(twoTree.Root, oneTree.Root);
        Assert.True(twoTree.Elements.SequenceEqual(oneTree.Elements), what);
        Assert.Equal(twoTree.Parent, oneTree.Parent);
        Assert.Equal(twoTree.End, oneTree.End);
        Assert.Equal(twoTree.Text, oneTree.Text);
        Assert.Equal(twoTree.LinkText, oneTree.LinkText);
        Assert.Equal(twoTree.Links, oneTree.Links);
        Assert.Equal(twoTree.OwnText, oneTree.OwnText);
        Assert.Equal(twoTree.OwnLinkText, oneTree.OwnLinkText);
        Assert.Equal(twoTree.OwnCommas, oneTree.OwnCommas);
        Assert.Equal(twoTree.OwnStops, oneTree.OwnStops);
        for (var i = 0; i < oneTree.Count; i++)
        {
            Assert.Equal(i, oneTree.IndexOf(oneTree.Elements[i]));
        }
    }
}
