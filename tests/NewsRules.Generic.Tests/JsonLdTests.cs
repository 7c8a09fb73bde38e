namespace NewsRules.Generic.Tests;

/// <summary>Metadata from schema.org JSON-LD: the publisher's own statement, read first.</summary>
public sealed class JsonLdTests
{
    private static string Body => $"<article><h1>Visible headline</h1><p>{Page.Prose("Body")}</p></article>";

    [Fact]
    public void A_NewsArticle_gives_headline_authors_date_image_and_description()
    {
        var ld = """
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Council approves the bridge",
             "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"Max Muster"}],
             "datePublished":"2021-03-04T09:30:00+01:00","image":{"@type":"ImageObject","url":"/img/bridge.jpg"},
             "description":"The vote was close."}
            """;
        var article = Page.Extract(Page.Html($"<script type=\"application/ld+json\">{ld}</script>", "<main><p>" + Page.Prose("Body") + "</p></main>"));

        Assert.Equal("Council approves the bridge", article.Title);
        Assert.Equal(new[] { "Jane Roe", "Max Muster" }, article.Authors);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 9, 30, 0, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal("https://news.example.com/img/bridge.jpg", article.Image);
        Assert.Equal("The vote was close.", article.Lead);
    }

    [Fact]
    public void An_article_inside_a_graph_with_an_author_reference_is_resolved()
    {
        var ld = """
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"https://news.example.com/#site","name":"Example News"},
              {"@type":"Person","@id":"https://news.example.com/#jane","name":"Jane Roe"},
              {"@type":["BlogPosting"],"headline":"Graph headline","author":{"@id":"https://news.example.com/#jane"},
               "datePublished":"2020-01-27"}]}
            """;
        var article = Page.Extract(Page.Html($"<script type=\"application/ld+json\">{ld}</script>", Body));

        Assert.Equal(new[] { "Jane Roe" }, article.Authors);
        Assert.Equal(new DateTime(2020, 1, 27), article.Published?.Date);
    }

    [Fact]
    public void A_top_level_array_and_a_ReportageNewsArticle_are_read()
    {
        var ld = """
            [{"@type":"BreadcrumbList","itemListElement":[]},
             {"@type":"ReportageNewsArticle","headline":"From the front","author":"Ann Lee","datePublished":"2019-08-02T10:00:00Z"}]
            """;
        var article = Page.Extract(Page.Html($"<script type=\"application/ld+json\">{ld}</script>", Body));

        Assert.Equal(new[] { "Ann Lee" }, article.Authors);
        Assert.Equal(new DateTimeOffset(2019, 8, 2, 10, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Raw_line_breaks_inside_strings_and_html_entities_do_not_stop_the_reading()
    {
        var ld = "{\"@type\":\"Article\",\"headline\":\"Caf&eacute; owners\nprotest\",\"author\":{\"name\":\"Jos&#233; Ruiz\"}}";
        var article = Page.Extract(Page.Html($"<script type=\"application/ld+json\">{ld}</script>", $"<main><p>{Page.Prose("Body")}</p></main>"));

        Assert.Equal("Café owners protest", article.Title);
        Assert.Equal(new[] { "José Ruiz" }, article.Authors);
    }

    [Fact]
    public void Broken_json_is_skipped_and_the_page_still_gives_an_article()
    {
        var article = Page.Extract(Page.Html("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script><meta property=\"og:title\" content=\"From OpenGraph\">", $"<main><p>{Page.Prose("Body")}</p></main>"));

        Assert.Equal("From OpenGraph", article.Title);
        Assert.Contains("Body sentence 1", article.Text);
    }

    [Fact]
    public void The_articleBody_is_the_body_when_the_page_shows_almost_nothing()
    {
        var body = string.Join("\\n", Enumerable.Range(1, 6).Select(i => Page.Prose($"Stored{i}", 2)));
        var ld = $"{{\"@type\":\"NewsArticle\",\"headline\":\"Rendered by script\",\"articleBody\":\"{body}\"}}";
        var article = Page.Extract(Page.Html($"<script type=\"application/ld+json\">{ld}</script>", "<div id=app>Loading…</div>"));

        Assert.Equal(6, article.Body.Count);
        Assert.StartsWith("Stored1 sentence 1", article.Body[0].Text);
        Assert.Contains(article.Warnings, w => w.Contains("articleBody", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Giovanni Gaggero", "Giovanni Gaggero")]
    [InlineData("fhaacker", null)]
    [InlineData("sv_team", null)]
    public void A_web_page_that_is_no_article_names_its_author_when_written_as_a_name(string name, string? expected)
    {
        var ld = $$$"""
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://news.example.com/post/#webpage","name":"Graph headline",
               "author":{"@id":"https://news.example.com/#/schema/person/65b1"}},
              {"@type":"Person","@id":"https://news.example.com/#/schema/person/65b1","name":"{{{name}}}"}]}
            """;
        var article = Page.Extract(Page.Html($"<script type=\"application/ld+json\">{ld}</script>", Body));

        Assert.Equal(expected is null ? Array.Empty<string>() : new[] { expected }, article.Authors);
    }

    [Fact]
    public void A_web_page_author_gives_way_to_the_article_author()
    {
        var ld = """
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","author":{"@type":"Person","name":"Page Owner"}},
              {"@type":"NewsArticle","headline":"Graph headline","author":{"@type":"Person","name":"Jane Roe"}}]}
            """;
        var article = Page.Extract(Page.Html($"<script type=\"application/ld+json\">{ld}</script>", Body));

        Assert.Equal(new[] { "Jane Roe" }, article.Authors);
    }
}
