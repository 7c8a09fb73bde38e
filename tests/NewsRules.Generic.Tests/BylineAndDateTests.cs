using NewsRules.Text;

namespace NewsRules.Generic.Tests;

/// <summary>Authors from bylines (the first one, not commenters, labels or the publisher) and dates from the weaker signals.</summary>
public sealed class BylineAndDateTests
{
    private const string NoDateUrl = "https://news.example.com/story";

    private static string Article(string top) =>
        $"<article><h1>Rain returns to the valley</h1>{top}<p>{Page.Prose("Body")}</p></article>";

    [Fact]
    public void The_first_byline_names_the_author_not_the_later_ones()
    {
        var body = Article("<span class=\"byline\">Ella Berg</span>")
            + "<div class=\"more\"><div class=\"post-author\">Max Other</div><div class=\"post-author\">Jo Third</div></div>";

        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Equal(new[] { "Ella Berg" }, article.Authors);
    }

    [Fact]
    public void Commenters_and_form_labels_are_not_authors()
    {
        var body = Article(string.Empty)
            + "<div id=\"comments\"><div class=\"comment\"><span class=\"comment-author\">Anna Commenter</span><p>Nice piece.</p></div></div>"
            + "<form><label for=\"author\">Your name</label><input id=\"author\"></form>";

        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Empty(article.Authors);
    }

    [Theory]
    [InlineData("By Chris Jung")]
    [InlineData("Von Chris Jung")]
    [InlineData("par Chris Jung")]
    [InlineData("Veröffentlicht von Chris Jung")]
    [InlineData("Veröffentlicht vonChris Jung")]
    [InlineData("View all posts by Chris Jung")]
    [InlineData("Zeige alle Beiträge von Chris Jung")]
    [InlineData("| Autor: Chris Jung")]
    public void Byline_words_are_stripped_from_the_name(string byline)
    {
        var article = Page.Extract(Page.Html(string.Empty, Article($"<span class=\"author\">{byline}</span>")));

        Assert.Equal(new[] { "Chris Jung" }, article.Authors);
    }

    [Theory]
    [InlineData("Name (erforderlich)")]
    [InlineData("Name *")]
    [InlineData("Posted on")]
    [InlineData("Veröffentlicht am")]
    [InlineData("Anna Reader says")]
    [InlineData("Anna Reader sagt:")]
    public void Labels_and_commenters_are_not_names(string text)
    {
        var article = Page.Extract(Page.Html(string.Empty, Article($"<span class=\"author\">{text}</span>")));

        Assert.Empty(article.Authors);
    }

    [Fact]
    public void The_publisher_as_author_gives_way_to_a_person()
    {
        var head = "<meta property=\"og:site_name\" content=\"Daily Example\"><meta name=\"author\" content=\"Daily Example\">";
        var article = Page.Extract(Page.Html(head, Article("<span class=\"byline\">Von Ella Berg</span>")));

        Assert.Equal(new[] { "Ella Berg" }, article.Authors);
    }

    [Theory]
    [InlineData("<meta property=\"og:site_name\" content=\"Daily Example\"><meta name=\"author\" content=\"Daily Example\">", "Daily Example")]
    [InlineData("<meta name=\"author\" content=\"news.example.com\">", "news.example.com")]
    public void The_publisher_as_author_is_kept_when_no_person_is_named(string head, string expected)
    {
        var article = Page.Extract(Page.Html(head, Article(string.Empty)));

        Assert.Equal(new[] { expected }, article.Authors);
    }

    [Fact]
    public void A_json_ld_web_page_gives_the_date_when_no_article_object_does()
    {
        var head = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Daily Example"},
              {"@type":"WebPage","name":"Rain","datePublished":"2014-03-17T01:44:37+00:00","dateModified":"2019-01-01T00:00:00+00:00"}]}</script>
            """;
        var article = Page.Extract(Page.Html(head, Article(string.Empty)), NoDateUrl);

        Assert.Equal(new DateTime(2014, 3, 17), article.Published?.UtcDateTime.Date);
    }

    [Theory]
    [InlineData("<address>By <a href=\"/author/tanderson\">Tim Anderson</a></address>", "Tim Anderson")]
    [InlineData("<p>von <em>Klaus Stanjek</em></p>", "Klaus Stanjek")]
    [InlineData("<div class=\"submitted\">Gespeichert von <span class=\"username\">rasos</span> am 24. Juli 2020</div>", "rasos")]
    [InlineData("<p>Blog Beitrag von Margarita Koreneva</p>", "Margarita Koreneva")]
    public void A_byline_written_as_text_under_the_headline_names_the_author(string top, string author)
    {
        var article = Page.Extract(Page.Html(string.Empty, Article(top)));

        Assert.Equal(new[] { author }, article.Authors);
        Assert.DoesNotContain(author, article.Text);
    }

    [Theory]
    [InlineData("<p>Von der Leyen traf Macron in Paris</p>")]
    [InlineData("<p>By 2030 the valley will need more water</p>")]
    [InlineData("<p>by the river, where the old mill stood</p>")]
    public void A_line_that_opens_with_a_byline_word_but_names_no_one_is_no_byline(string top)
    {
        var article = Page.Extract(Page.Html(string.Empty, Article(top)));

        Assert.Empty(article.Authors);
    }

    [Theory]
    [InlineData("Grant Tinsley, PhD", "Grant Tinsley")]
    [InlineData("Redaktion: Eberhard Fuhr (Pressesprecher des Verbands)", "Eberhard Fuhr")]
    [InlineData("Interview: Julia Lauter", "Julia Lauter")]
    [InlineData("Von R. R. am 24.07.2009", "R. R.")]
    [InlineData("Ella Berg, 12 March 2019", "Ella Berg")]
    [InlineData("责任编辑： 焦鹏", "焦鹏")]
    public void Labels_dates_roles_and_degrees_around_a_name_go(string byline, string name)
    {
        Assert.Equal(name, Bylines.CleanAuthor(byline));
    }

    [Theory]
    [InlineData("<time>٣ January 2018</time>")]
    [InlineData("<time>January ٣, 2018 ١٠:٣٠ UTC</time>")]
    public void Dates_with_digits_of_another_script_are_read_not_thrown_on(string line)
    {
        // Regex \d matches Arabic-Indic digits; int.Parse refuses them and used to throw.
        var article = Page.Extract(Page.Html(string.Empty, Article(line)), NoDateUrl);

        Assert.Equal(new DateTime(2018, 1, 3), article.Published?.UtcDateTime.Date);
    }

    [Theory]
    [InlineData("<meta itemprop=\"uploadDate\" content=\"2019-10-16T18:15:00Z\">")]
    [InlineData("<meta name=\"publication_date\" content=\"2019-10-16\">")]
    [InlineData("<meta name=\"dateCreated\" content=\"2019-10-16\">")]
    public void Upload_and_publication_date_metas_give_the_date(string head)
    {
        var article = Page.Extract(Page.Html(head, Article(string.Empty)), NoDateUrl);

        Assert.Equal(new DateTime(2019, 10, 16), article.Published?.UtcDateTime.Date);
    }

    [Fact]
    public void Published_is_preferred_over_modified_whatever_their_order()
    {
        var head = "<meta property=\"article:modified_time\" content=\"2021-06-01T10:00:00Z\"><meta property=\"article:published_time\" content=\"2020-02-03T10:00:00Z\">";
        var article = Page.Extract(Page.Html(head, Article(string.Empty)), NoDateUrl);

        Assert.Equal(new DateTime(2020, 2, 3), article.Published?.UtcDateTime.Date);
    }

    [Fact]
    public void A_short_dated_line_gives_the_date_when_nothing_else_does()
    {
        var article = Page.Extract(Page.Html(string.Empty, Article("<p><small>04.02.2022 | 13:10 Uhr</small></p>")), NoDateUrl);

        Assert.Equal(new DateTime(2022, 2, 4), article.Published?.Date);
        Assert.DoesNotContain("04.02.2022", article.Text);
    }

    [Fact]
    public void Dated_lines_in_sidebars_and_comments_do_not_give_the_date()
    {
        var body = "<aside><p>Archive: 01.01.2019</p></aside>" + Article(string.Empty)
            + "<div id=\"comments\"><div class=\"comment\"><p>Anna, 05.05.2020</p></div></div>";

        var article = Page.Extract(Page.Html(string.Empty, body), NoDateUrl);

        Assert.Null(article.Published);
    }
    [Theory]
    [InlineData("Updated: Dec 15, 2016 2:57 PM UTC", "2016-12-15T14:57:00+00:00")]
    [InlineData("04.02.2022 | 13:10 Uhr", "2022-02-04T13:10:00+00:00")]
    [InlineData("27. Januar 2020 um 9.05 Uhr", "2020-01-27T09:05:00+00:00")]
    [InlineData("January 27, 2020 at 11:30 pm", "2020-01-27T23:30:00+00:00")]
    [InlineData("2020-01-27 14:30 +02:00", "2020-01-27T14:30:00+02:00")]
    [InlineData("27.01.2020 14:30 am Rathaus", "2020-01-27T14:30:00+00:00")]
    [InlineData("January 27, 2020 10 comments", "2020-01-27T00:00:00+00:00")]
    [InlineData("27.01.2020 12.5 Millionen", "2020-01-27T00:00:00+00:00")]
    public void A_written_date_keeps_the_time_of_day_written_after_it(string line, string expected)
    {
        var article = Page.Extract(Page.Html(string.Empty, Article($"<p><small>{line}</small></p>")), NoDateUrl);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), article.Published);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, article.Published?.Offset);
    }

    [Theory]
    [InlineData("ja", "2019年4月3日", "2019-04-03T00:00:00+09:00")]
    [InlineData("ja", "2019年3月15日 09:43", "2019-03-15T09:43:00+09:00")]
    [InlineData("zh-CN", "2019年4月3日", "2019-04-03T00:00:00+00:00")]
    public void Japanese_and_chinese_dates_are_read_and_a_japanese_page_says_its_zone(string lang, string line, string expected)
    {
        var html = Page.Html(string.Empty, Article($"<p class=\"date\">{line}</p>"), lang);
        var article = Page.Extract(html, NoDateUrl);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), article.Published);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, article.Published?.Offset);
    }
    [Fact]
    public void Names_side_by_side_in_one_byline_are_co_authors()
    {
        var byline = "<address>By <a rel=\"author\" href=\"/profile/jane\">Jane Roe</a> and <a rel=\"author\" href=\"/profile/sam\">Sam Poe</a></address>";
        var article = Page.Extract(Page.Html(string.Empty, Article(byline)), NoDateUrl);

        Assert.Equal(new[] { "Jane Roe", "Sam Poe" }, article.Authors);
        Assert.DoesNotContain("Sam Poe", article.Text);
    }

    [Fact]
    public void A_link_beside_the_byline_that_is_not_one_is_no_co_author()
    {
        var byline = "<p><a rel=\"author\" class=\"name\" href=\"/a/jane\">Jane Roe</a> <a rel=\"author\" class=\"feed\" href=\"/a/jane/feed\">Jane Feed</a></p>";
        var article = Page.Extract(Page.Html(string.Empty, Article(byline)), NoDateUrl);

        Assert.Equal(new[] { "Jane Roe" }, article.Authors);
    }
    [Fact]
    public void The_link_that_opens_a_byline_is_the_name_without_the_job_title_after_it()
    {
        var byline = "<div class=\"author-name\"><span>By</span> <a href=\"/people/howard-blume\">Howard Blume</a><span class=\"author-title\">Staff Writer</span></div>";
        var article = Page.Extract(Page.Html(string.Empty, Article(byline)), NoDateUrl);

        Assert.Equal(new[] { "Howard Blume" }, article.Authors);
    }

    [Fact]
    public void A_link_after_the_name_in_a_byline_is_not_the_name()
    {
        var byline = "<div class=\"author\">Johanna Kropfitsch <a href=\"/autor/jk\">Alle Artikel</a></div>";
        var article = Page.Extract(Page.Html(string.Empty, Article(byline)), NoDateUrl);

        Assert.DoesNotContain("Alle Artikel", article.Authors);
    }

    [Theory]
    [InlineData("<div class=\"dates_auteurs\">par <span class=\"auteurs\">Didier Roy</span>, 21 juin 2018</div>", "Didier Roy")]
    [InlineData("<span class=\"article__autor\">Von Lisa Petrich</span>", "Lisa Petrich")]
    [InlineData("<p class=\"autorzeile\">Text: Lisa Petrich</p>", "Lisa Petrich")]
    [InlineData("<span class=\"author\">© Kathrin Führes</span>", "Kathrin Führes")]
    public void Author_boxes_named_in_french_or_german_name_the_author(string top, string author)
    {
        var article = Page.Extract(Page.Html(string.Empty, Article(top)), NoDateUrl);

        Assert.Equal(new[] { author }, article.Authors);
    }

    [Theory]
    [InlineData("<li class=\"post type-post autor-nora-bossong\"><a href=\"/x\">Aufräumen</a></li>")]
    [InlineData("<span class=\"author\">Foto: Ingo Schneider</span>")]
    [InlineData("<span class=\"author\">Bild: Ingo Schneider</span>")]
    public void Taxonomy_classes_and_photo_credits_name_no_author(string top)
    {
        var article = Page.Extract(Page.Html(string.Empty, Article(top)), NoDateUrl);

        Assert.Empty(article.Authors);
    }

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2022-05-04T02:41:00Z\"><meta name=\"date\" content=\"2022-05-03T22:41:00-04:00\">", "", "2022-05-03T22:41:00-04:00")]
    [InlineData("<meta property=\"article:published_time\" content=\"2023-11-09T05:30:59Z\">", "<time datetime=\"2023-11-08 23:30:59\">Nov. 8</time>", "2023-11-08T23:30:59-06:00")]
    [InlineData("<meta property=\"article:published_time\" content=\"2021-11-04T23:00:00+00:00\">", "<time datetime=\"2021-11-05\">5.11.2021</time>", "2021-11-05T00:00:00+01:00")]
    [InlineData("<meta property=\"article:published_time\" content=\"2019-10-18T22:04:00Z\">", "<time datetime=\"2019-10-19T00:04\">19.10.2019</time>", "2019-10-19T00:04:00+02:00")]
    public void A_utc_time_is_given_in_the_offset_the_page_shows_it_in(string head, string top, string expected)
    {
        var article = Page.Extract(Page.Html(head, Article(top)), NoDateUrl);
        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(want, article.Published);
        Assert.Equal(want.Offset, article.Published?.Offset);
    }

    [Theory]
    [InlineData("<time datetime=\"2023-10-31\">31.10.2023</time>")]
    [InlineData("<time datetime=\"2023-10-31T15:17:09\">later</time>")]
    [InlineData("<time datetime=\"2023-10-31T14:00:00+01:00\">another instant, written with an offset</time>")]
    [InlineData("<p class=\"date\">31.10.2023, 18:00 Uhr</p>")]
    [InlineData("<time class=\"updated\" datetime=\"2023-10-31T14:00:00\">later</time>")]
    [InlineData("<meta property=\"article:modified_time\" content=\"2023-10-31T14:00:00\">")]
    public void A_utc_time_stays_in_utc_when_no_other_value_of_the_page_shows_the_same_instant(string top)
    {
        var head = "<meta property=\"article:published_time\" content=\"2023-10-31T12:00:00Z\">";
        var article = Page.Extract(Page.Html(head, Article(top)), NoDateUrl);

        Assert.Equal(new DateTimeOffset(2023, 10, 31, 12, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(TimeSpan.Zero, article.Published?.Offset);
    }

    [Theory]
    [InlineData("<span class=\"byline author\">von Redaktion, </span>", "Redaktion")]
    [InlineData("<div class=\"author-box\"><span class=\"author\">Redaktion</span></div>", "Redaktion")]
    [InlineData("<span class=\"author\">By Editorial Team</span>", "Editorial Team")]
    public void A_newsroom_signing_as_a_whole_is_the_author_when_no_person_is_named(string top, string author)
    {
        var article = Page.Extract(Page.Html(string.Empty, Article(top)), NoDateUrl);

        Assert.Equal(new[] { author }, article.Authors);
    }

    [Fact]
    public void A_newsroom_gives_way_to_a_person_named_in_a_byline()
    {
        var head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Rain returns to the valley\",\"author\":[\"Redacción\"]}</script>";
        var article = Page.Extract(Page.Html(head, Article("<span class=\"byline\">Por Ana Gómez</span>")), NoDateUrl);

        Assert.Equal(new[] { "Ana Gómez" }, article.Authors);
    }

    [Fact]
    public void A_byline_class_on_a_picture_names_its_photographer_not_the_author()
    {
        var head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Rain returns to the valley\",\"author\":[\"Redacción\"]}</script>";
        var top = "<div class=\"cutline-byline\"><span class=\"byline-image\">Juan Pérez (Foto: Archivo)</span></div>";
        var article = Page.Extract(Page.Html(head, Article(top)), NoDateUrl);

        Assert.Equal(new[] { "Redacción" }, article.Authors);
    }

    [Theory]
    [InlineData("autor", true)]
    [InlineData("media-box__article__autor", true)]
    [InlineData("autorzeile", true)]
    [InlineData("article-autor-name", true)]
    [InlineData("auteurs", true)]
    [InlineData("post type-post autor-nora-bossong az-b", false)]
    [InlineData("field--name-field-autorenbild", false)]
    [InlineData("autorennen", false)]
    public void An_author_class_token_is_a_box_not_a_taxonomy_term(string classes, bool expected)
    {
        Assert.Equal(expected, PageScan.HasAuthorToken(classes));
    }

    [Fact]
    public void The_article_author_meta_wins_over_the_page_author_meta_which_often_names_the_publisher()
    {
        var head = "<meta name=\"author\" content=\"Condé Nast\"><meta name=\"article:author\" content=\"Larry Fitzmaurice\">";
        var article = Page.Extract(Page.Html(head, Article(string.Empty)), NoDateUrl);

        Assert.Equal(new[] { "Larry Fitzmaurice" }, article.Authors);
    }

    [Fact]
    public void An_author_meta_that_is_a_site_path_is_no_name()
    {
        var head = "<meta property=\"article:author\" content=\"/@timoreilly\"><meta name=\"author\" content=\"Tim O&#x27;Reilly\">";
        var article = Page.Extract(Page.Html(head, Article(string.Empty)), NoDateUrl);

        Assert.Equal(new[] { "Tim O'Reilly" }, article.Authors);
    }

    [Theory]
    [InlineData("Gillman, Steve", "Steve Gillman")]
    [InlineData("Harm, Robert", "Robert Harm")]
    [InlineData("Meyer-Lenz, Anna K.", "Anna K. Meyer-Lenz")]
    [InlineData("Rob Picheta, CNN", "Rob Picheta, CNN")]
    [InlineData("Written by Michael Larabel in Valve on 2 March 2019 at 08:41 AM EST", "Michael Larabel")]
    public void A_catalogue_order_name_is_turned_round_and_a_category_after_it_goes(string byline, string name)
    {
        Assert.Equal(name, Bylines.CleanAuthor(byline));
    }
}
