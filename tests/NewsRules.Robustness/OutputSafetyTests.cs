using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using NewsRules.Loading;
using NewsRules.Output;

namespace NewsRules.Robustness;

/// <summary>
/// Output safety: whatever a page holds, the Markdown an article renders to carries no script,
/// no event-handler attribute and no <c>javascript:</c> URL once a Markdown renderer turns it into
/// HTML, and the text that only looked like markup on the page is kept as text. (The report's
/// HTML is checked by <c>tests/NewsRules.Report.Tests</c>: the page's scripts, handlers and
/// script URLs are stripped and only the report's own script remains.)
/// </summary>
public sealed class OutputSafetyTests
{
    private const string Rule = """
        site: Hostile
        domains: [hostile.example]
        title: h1
        lead: '.lead'
        author: '.by'
        image: ['meta[property="og:image"]@content', 'article img@src']
        body: article
        captions: figcaption
        fields:
          link: 'article a@href'
        """;

    // Markup as text (entities on the page), markup as markup, and URLs that run code.
    private const string Page = """
        <html><head>
        <meta property="og:image" content="javascript:alert('og')">
        <script>alert('head')</script>
        </head><body>
        <h1>Title &lt;script&gt;alert('title')&lt;/script&gt;</h1>
        <p class="lead">Lead &lt;img src=x onerror=alert('lead')&gt; &amp;lt;b&amp;gt;</p>
        <p class="by">By &lt;a href="javascript:alert('by')"&gt;Someone&lt;/a&gt;</p>
        <article>
          <p onclick="alert('p')">First &lt;script&gt;alert('body')&lt;/script&gt; paragraph.</p>
          <script>alert('inline')</script>
          <p>Link <a href="javascript:alert('a')" onmouseover="alert('hover')">here</a> and ![x](javascript:alert('md')) and [y](javascript:alert('md2')).</p>
          <p>&lt;iframe src="javascript:alert('frame')"&gt;&lt;/iframe&gt; &lt;svg onload=alert('svg')&gt;</p>
          <img src="javascript:alert('img')" onerror="alert('img2')">
          <figure><img src="/a.jpg"><figcaption>Caption &lt;style&gt;x&lt;/style&gt; &lt;b onmouseover=alert('cap')&gt;</figcaption></figure>
          <pre>code ``` &lt;/code&gt;&lt;script&gt;alert('pre')&lt;/script&gt; ```</pre>
          <blockquote>&gt; &lt;a href=javascript:alert('q')&gt;quote&lt;/a&gt;</blockquote>
          <ul><li>&lt;object data="javascript:alert('li')"&gt;</li></ul>
          <h2>&lt;h1 onclick=alert('h')&gt;Heading&lt;/h1&gt;</h2>
          <p>&amp;#60;script&amp;#62;alert('entity')&amp;#60;/script&amp;#62; &lt;!-- comment --&gt; &lt;![CDATA[x]]&gt;</p>
        </article>
        </body></html>
        """;

    private static readonly Uri Url = new("https://hostile.example/news/1");

    [Fact]
    public void Markdown_of_a_hostile_page_renders_to_html_without_scripts_handlers_or_script_urls()
    {
        var article = RuleLoader.LoadText(Rule, "hostile.yaml").Extract(Page, Url);
        var markdown = ArticlePlainText.Markdown(article);

        AssertSafe(Render(markdown), "the hostile page");
    }

    [Fact]
    public void Markdown_keeps_the_text_that_looked_like_markup_as_text()
    {
        var article = RuleLoader.LoadText(Rule, "hostile.yaml").Extract(Page, Url);
        var rendered = Render(ArticlePlainText.Markdown(article));
        var text = rendered.Body!.TextContent;

        // What the page showed as text is what a reader of the rendered Markdown sees.
        Assert.Contains("Title <script>alert('title')</script>", text, StringComparison.Ordinal);
        Assert.Contains("First <script>alert('body')</script> paragraph.", text, StringComparison.Ordinal);
        Assert.Contains("<iframe src=\"javascript:alert('frame')\"></iframe>", text, StringComparison.Ordinal);
        Assert.Contains("Lead <img src=x onerror=alert('lead')> &lt;b&gt;", text, StringComparison.Ordinal);
        Assert.Contains("code ``` </code><script>alert('pre')</script> ```", text, StringComparison.Ordinal);
        Assert.Contains("&#60;script&#62;alert('entity')&#60;/script&#62;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_url_that_is_not_http_is_left_out_of_markdown_and_an_http_one_cannot_break_out()
    {
        var scripted = new Article("X", Url.AbsoluteUri) { Title = "t", Image = "javascript:alert(1)" };
        Assert.DoesNotContain("javascript", ArticlePlainText.Markdown(scripted), StringComparison.OrdinalIgnoreCase);

        var tricky = new Article("X", Url.AbsoluteUri) { Title = "t", Image = "https://cdn.example/a.jpg?x=> <script>alert(1)</script>(" };
        var html = Render(ArticlePlainText.Markdown(tricky));
        AssertSafe(html, "an image URL with markup in it");
        var image = Assert.Single(html.QuerySelectorAll("img"));
        Assert.StartsWith("https://cdn.example/a.jpg?x=", image.GetAttribute("src"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostilePages.Names), MemberType = typeof(HostilePages))]
    public void Markdown_of_every_hostile_page_is_safe(string name)
    {
        // The matrix is shaped like the RT Arabic pages; all 81 rules see it in HostilePageTests.
        var page = HostilePages.Get(name);
        using var stream = new MemoryStream(page.Bytes);
        var article = NewsRules.Catalog.Sites.RtArabic.Extract(stream, page.Url);
        AssertSafe(Render(ArticlePlainText.Markdown(article)), name);
    }

    private static IDocument Render(string markdown)
    {
        // CommonMark with the common extensions, as a site or a notebook would render it; raw
        // HTML is allowed, so any that got through would show.
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        var html = Markdown.ToHtml(markdown, pipeline);
        return new HtmlParser().ParseDocument("<html><body>" + html + "</body></html>");
    }

    private static void AssertSafe(IDocument html, string context)
    {
        foreach (var element in html.All)
        {
            Assert.False(
                element.LocalName is "script" or "iframe" or "object" or "embed" or "style" or "svg" or "frame" or "base" or "meta" or "link",
                $"{context}: the rendered Markdown holds a <{element.LocalName}> element: {element.OuterHtml}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(
                    attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"{context}: <{element.LocalName}> carries the handler {attribute.Name}=\"{attribute.Value}\".");
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                Assert.False(
                    value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase),
                    $"{context}: <{element.LocalName} {attribute.Name}> holds a script URL: {attribute.Value}");
            }
        }
    }
}
