namespace NewsRules.Generic.Tests;

/// <summary>OpenGraph and standard meta tags, &lt;time datetime&gt;, bylines and the URL.</summary>
public sealed class MetaTagTests
{
    private static string Body => $"<main><p>{Page.Prose("Body")}</p></main>";

    [Fact]
    public void OpenGraph_and_article_meta_give_title_date_image_and_lead()
    {
        var head = """
            <meta property="og:title" content="Rain returns to the valley">
            <meta property="article:published_time" content="2020-05-06T07:00:00+02:00">
            <meta property="og:image" content="https://cdn.example.com/rain.jpg">
            <meta name="description" content="Farmers are relieved.">
            <meta name="author" content="Ella Berg">
            """;
        var article = Page.Extract(Page.Html(head, Body));

        Assert.Equal("Rain returns to the valley", article.Title);
        Assert.Equal(new DateTimeOffset(2020, 5, 6, 7, 0, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal("https://cdn.example.com/rain.jpg", article.Image);
        Assert.Equal("Farmers are relieved.", article.Lead);
        Assert.Equal(new[] { "Ella Berg" }, article.Authors);
    }

    [Fact]
    public void Meta_tags_saved_with_value_instead_of_content_are_read()
    {
        // Mercury Parser's fixture pages store <meta content> as value (and property as name).
        var head = "<meta name=\"og:title\" value=\"Rain returns to the valley\">"
            + "<meta name=\"og:image\" value=\"https://cdn.example.com/rain.jpg\">"
            + "<meta name=\"description\" content=\"Farmers are relieved.\" value=\"ignored: content wins\">";
        var article = Page.Extract(Page.Html(head, Body));

        Assert.Equal("Rain returns to the valley", article.Title);
        Assert.Equal("https://cdn.example.com/rain.jpg", article.Image);
        Assert.Equal("Farmers are relieved.", article.Lead);
    }

    [Fact]
    public void A_meta_author_that_is_a_profile_url_is_not_a_name()
    {
        var article = Page.Extract(Page.Html("<meta property=\"article:author\" content=\"https://facebook.com/someone\">", Body));

        Assert.Empty(article.Authors);
    }

    [Fact]
    public void Time_datetime_gives_the_date_and_leaves_the_body()
    {
        var body = $"<article><p><time datetime=\"2018-10-23T08:15:00Z\">23.10.2018</time></p><p>{Page.Prose("Body")}</p></article>";
        var article = Page.Extract(Page.Html(string.Empty, body), "https://news.example.com/story");

        Assert.Equal(new DateTimeOffset(2018, 10, 23, 8, 15, 0, TimeSpan.Zero), article.Published);
        Assert.DoesNotContain("23.10.2018", article.Text);
    }

    [Fact]
    public void The_url_gives_the_date_when_the_page_states_none()
    {
        var article = Page.Extract(Page.Html(string.Empty, Body), "https://blog.example.org/2012/05/31/post-title/");

        Assert.Equal(new DateTime(2012, 5, 31), article.Published?.Date);
    }

    [Theory]
    [InlineData("Veröffentlicht am 27. Januar 2020", 2020, 1, 27)]
    [InlineData("Posted on January 27, 2020 by admin", 2020, 1, 27)]
    [InlineData("Publié le 3 mars 2019", 2019, 3, 3)]
    [InlineData("Stand: 04.02.2022 11:20 Uhr", 2022, 2, 4)]
    public void A_written_date_in_a_dateline_is_read(string dateline, int year, int month, int day)
    {
        var body = $"<article><div class=\"entry-date\">{dateline}</div><p>{Page.Prose("Body")}</p></article>";
        var article = Page.Extract(Page.Html(string.Empty, body), "https://news.example.com/story");

        Assert.Equal(new DateTime(year, month, day), article.Published?.Date);
    }

    [Theory]
    [InlineData("By Jane Roe", "Jane Roe")]
    [InlineData("Von Max Mustermann", "Max Mustermann")]
    [InlineData("Autorin: Anna Schmidt | 12.03.2021", "Anna Schmidt")]
    public void A_visible_byline_gives_the_author_without_its_by(string byline, string name)
    {
        var body = $"<article><p class=\"byline\">{byline}</p><p>{Page.Prose("Body")}</p></article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Equal(new[] { name }, article.Authors);
        Assert.DoesNotContain(name, article.Text);
    }

    [Fact]
    public void Site_is_the_host_language_the_html_lang_and_a_warning_names_the_fallback()
    {
        var article = Page.Extract(Page.Html(string.Empty, Body, lang: "de-AT"));

        Assert.Equal("news.example.com", article.Site);
        Assert.Equal(Page.Url, article.Url);
        Assert.Equal("de-AT", article.Language);
        Assert.Contains(article.Warnings, w => w.StartsWith(GenericExtractor.FallbackWarning, StringComparison.Ordinal) && w.Contains("news.example.com", StringComparison.Ordinal));
    }
}
