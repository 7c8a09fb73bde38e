using System.Text;
using NewsRules.Html;
using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>The extractor entry points: strings, streams, parsed documents, URLs.</summary>
public sealed class ExtractorApiTests
{
    private static readonly IArticleExtractor Extractor = InlineRule.Load(InlineRule.Yaml());

    [Theory]
    [InlineData("news/story.html")]
    [InlineData("/news/story.html")]
    [InlineData("file:///news/story.html")]
    public void String_url_must_be_an_absolute_web_address(string url)
    {
        var ex = Assert.Throws<ArgumentException>(() => Extractor.Extract("<h1>T</h1>", url));

        Assert.Contains(url, ex.Message, StringComparison.Ordinal);
        Assert.Contains("http(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_throw_argument_null()
    {
        Assert.Throws<ArgumentNullException>(() => Extractor.Extract((string)null!, new Uri(InlineRule.PageUrl)));
        Assert.Throws<ArgumentNullException>(() => Extractor.Extract("<p>", (Uri)null!));
        Assert.Throws<ArgumentNullException>(() => Extractor.Extract((Stream)null!, new Uri(InlineRule.PageUrl)));
    }

    [Fact]
    public void Uri_and_string_url_give_the_same_article()
    {
        var html = InlineRule.Page("<p>Body.</p>");

        var fromString = Extractor.Extract(html, InlineRule.PageUrl);
        var fromUri = Extractor.Extract(html, new Uri(InlineRule.PageUrl));

        Assert.Equal(NewsRules.Output.ArticleJson.Serialize(fromString), NewsRules.Output.ArticleJson.Serialize(fromUri));
    }

    [Fact]
    public void Stream_honours_a_declared_legacy_charset()
    {
        const string arabic = "مرحبا بالعالم";
        var html = $"<html><head><meta charset=windows-1256></head><body><h1>{arabic}</h1><div class=story><p>{arabic}</p></div></body></html>";
        _ = HtmlDocuments.Options; // makes sure the code page provider is registered
        var bytes = Encoding.GetEncoding(1256).GetBytes(html);

        var article = Extractor.Extract(new MemoryStream(bytes), new Uri(InlineRule.PageUrl));

        Assert.Equal(arabic, article.Title);
        Assert.Equal(arabic, article.Text);
    }

    [Fact]
    public void Stream_with_a_utf8_bom_is_utf8()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<h1>Café – naïve</h1><div class=story>x</div>")).ToArray();

        var article = Extractor.Extract(new MemoryStream(bytes), new Uri(InlineRule.PageUrl));

        Assert.Equal("Café – naïve", article.Title);
    }

    [Fact]
    public void Deeply_nested_pages_do_not_overflow_the_stack()
    {
        // Built through the DOM: AngleSharp's parser is slow on deep markup, and a recursive
        // walk over 100 000 levels would overflow any thread's stack.
        const int depth = 100_000;
        var document = HtmlDocuments.Parse("<html><body><h1>Deep</h1><div class=story></div></body></html>");
        var current = document.QuerySelector(".story")!;
        for (var i = 0; i < depth; i++)
        {
            var child = document.CreateElement(i % 2 == 0 ? "div" : "span");
            current.AppendChild(child);
            current = child;
        }

        var paragraph = document.CreateElement("p");
        paragraph.TextContent = "Bottom.";
        current.AppendChild(paragraph);
        var extractor = InlineRule.Load(InlineRule.Yaml(extra: "captions: figcaption\njunk: [.ad]\nfields:\n  Story: .story"));

        var article = extractor.Extract(document, new Uri(InlineRule.PageUrl));

        Assert.Equal("Deep", article.Title);
        Assert.Equal("Bottom.", article.Text);
        Assert.Equal("Bottom.", article.Fields["Story"]);
    }

    [Fact]
    public void Runs_do_not_share_warnings()
    {
        var extractor = InlineRule.Load(InlineRule.Yaml(extra: "lead: .dek"));

        var missing = extractor.Extract(InlineRule.Page("<p>x</p>"), InlineRule.PageUrl);
        var present = extractor.Extract(InlineRule.Page("<p>x</p>", before: "<p class=dek>Lead</p>"), InlineRule.PageUrl);

        Assert.Single(missing.Warnings);
        Assert.Empty(present.Warnings);
    }

    [Fact]
    public void Captions_inside_noscript_are_not_listed()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(extra: "captions: figcaption"),
            InlineRule.Page("<p>Text.</p><figure><figcaption>Shown</figcaption></figure>", after: "<noscript><figure><figcaption>Fallback</figcaption></figure></noscript>"));

        Assert.Equal(["Shown"], article.Captions);
    }
}
