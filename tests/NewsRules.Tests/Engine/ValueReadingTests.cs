using AngleSharp.Html.Parser;
using NewsRules.Engine;
using NewsRules.Html;
using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>
/// The pieces behind rule language 2 (issue 20), one by one: the links_only and text tests, the
/// byline cleaner, JSON-LD paths and lazy images. The whole features run through both the
/// generated and the interpreted extractor in NewsRules.Generators.Tests (RuleLanguageTests).
/// </summary>
public sealed class ValueReadingTests
{
    private static AngleSharp.Dom.IElement First(string html, string css = "p") =>
        new HtmlParser().ParseDocument($"<html><body>{html}</body></html>").QuerySelector(css)!;

    [Theory]
    [InlineData("<p><a href=/x>ANOTHER STORY</a></p>", true)]
    [InlineData("<p><strong><a href=/x>Story</a></strong> </p>", true)]
    [InlineData("<p>» <a href=/1>One</a> | <a href=/2>Two</a>.</p>", true)]
    [InlineData("<p><a href=/1>One</a> and <a href=/2>Two</a></p>", false)]
    [InlineData("<p>SEE ALSO: <a href=/y>Other</a></p>", false)]
    [InlineData("<p><a href=/1>One</a> 2</p>", false)]
    [InlineData("<p>   </p>", false)]
    [InlineData("<p><a href=/1></a>•</p>", false)]
    [InlineData("<p><a href=/1>Link</a><script>var text = 'not shown';</script></p>", true)]
    public void Links_only_holds_when_every_word_is_inside_a_link(string html, bool expected) =>
        Assert.Equal(expected, ElementText.IsAllLinkText(First(html)));

    [Fact]
    public void The_element_itself_may_be_the_link()
    {
        var link = First("<p>Text <a href=/x>Read more</a></p>", "a");
        Assert.True(ElementText.IsAllLinkText(link));
    }

    [Fact]
    public void The_text_test_is_case_insensitive_on_the_normalized_text()
    {
        var selector = new Selector("p", text: "^see also:");
        Assert.True(selector.PassesTextTests(First("<p>  SEE\u00a0ALSO:   <a>Other</a></p>")));
        Assert.False(selector.PassesTextTests(First("<p>Please see also: this</p>")));
    }

    [Theory]
    [InlineData("By Ana Ruiz", "Ana Ruiz")]
    [InlineData("Von Jana Müller", "Jana Müller")]
    [InlineData("Par Jean Dupont", "Jean Dupont")]
    [InlineData("Por María López", "María López")]
    [InlineData("بقلم: محمد علي", "محمد علي")]
    [InlineData("بقلم محمد علي", "محمد علي")]
    [InlineData("文/张伟", "张伟")]
    [InlineData("记者 李明", "李明")]
    [InlineData("Jane Doe | Staff Writer", "Jane Doe")]
    [InlineData("Jane Doe, Senior Reporter", "Jane Doe")]
    [InlineData("Jane Doe is a staff writer at the Gazette", "Jane Doe")]
    [InlineData("Reporter: Jane Doe", "Jane Doe")]
    [InlineData("Jean-Pierre Martin", "Jean-Pierre Martin")]
    public void Clean_byline_removes_byline_words_and_roles(string byline, string expected) =>
        Assert.Equal(expected, ValueCleaners.Byline(byline));

    [Theory]
    [InlineData("Updated 12 March 2024 10:00")]
    [InlineData("Staff Writer:")]
    [InlineData("By")]
    public void Clean_byline_drops_what_names_no_one(string byline) =>
        Assert.Null(ValueCleaners.Byline(byline));

    [Fact]
    public void Json_ld_paths_walk_main_entity_arrays_and_references_and_take_the_first_article_with_a_value()
    {
        var document = new HtmlParser().ParseDocument("""
            <html><head>
            <script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"First","about":[{"name":"A"},{"name":"B"}]}}</script>
            <script type="application/ld+json">[{"@type":"Article","headline":"Second","articleSection":["World","Europe"],"author":"Sam Lee",
              "wordCount":812,"isAccessibleForFree":false,"publisher":{"@id":"#org"}},{"@type":"Organization","@id":"#org","name":"Org"}]</script>
            <script type="text/javascript">{"@type":"NewsArticle","headline":"Not JSON-LD"}</script>
            </head><body></body></html>
            """);
        var objects = JsonLd.ArticleObjects(document.QuerySelectorAll("script[type]"));

        Assert.Equal(2, objects.Count);
        Assert.Equal(new[] { "First" }, JsonLd.PathValues(objects, new[] { "headline" }));
        Assert.Equal(new[] { "A", "B" }, JsonLd.PathValues(objects, new[] { "about", "name" }));
        Assert.Equal(new[] { "A", "B" }, JsonLd.PathValues(objects, new[] { "about" }));
        Assert.Equal(new[] { "World", "Europe" }, JsonLd.PathValues(objects, new[] { "articleSection" }));
        Assert.Equal(new[] { "Sam Lee" }, JsonLd.PathValues(objects, new[] { "author" }));
        Assert.Equal(new[] { "812" }, JsonLd.PathValues(objects, new[] { "wordCount" }));
        Assert.Equal(new[] { "false" }, JsonLd.PathValues(objects, new[] { "isAccessibleForFree" }));
        Assert.Equal(new[] { "Org" }, JsonLd.PathValues(objects, new[] { "publisher", "name" }));
        Assert.Empty(JsonLd.PathValues(objects, new[] { "author", "name" }));
    }

    [Fact]
    public void Json_ld_selectors_say_what_they_read_when_explained()
    {
        var rule = InlineRule.Load(InlineRule.Yaml(extra: "author: ['ld:author.name', '.byline']")).Rule;
        var document = new HtmlParser().ParseDocument("""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"A"},{"name":"B"}]}</script></head>
            <body><h1>T</h1><p class=byline>By C</p><div class=story><p>x</p></div></body></html>
            """);

        var author = RuleExplainer.Explain(rule, document, new Uri(InlineRule.PageUrl)).Fields.Single(f => f.Field == "author");

        Assert.Equal(2, author.Alternatives[0].Matched);
        Assert.True(author.Alternatives[0].Chosen);
        Assert.False(author.Alternatives[1].Chosen);
    }

    [Theory]
    [InlineData("<figure><img src='/a.jpg'></figure>", "/a.jpg")]
    [InlineData("<figure><img src='data:image/gif;base64,R0l=' data-src='/real.jpg'></figure>", "/real.jpg")]
    [InlineData("<figure><img src='/img/blank.gif' data-lazy-srcset='/s.jpg 300w, /l.jpg 900w'></figure>", "/l.jpg")]
    [InlineData("<figure><picture><source data-srcset='/p.webp 2x'><img src='/fallback.jpg'></picture></figure>", "/p.webp")]
    [InlineData("<figure><img src='/spacer.gif'><noscript><img src='/noscript.jpg'></noscript></figure>", "/noscript.jpg")]
    [InlineData("<figure><p>No image here</p></figure>", null)]
    public void Lazy_image_finds_the_real_source(string html, string? expected) =>
        Assert.Equal(expected, LazyImage.Of(First(html, "figure")));
}
