namespace NewsRules.Generic.Tests;

/// <summary>The body by content scoring: each signal on a page written for it.</summary>
public sealed class BodyScoringTests
{
    [Fact]
    public void Text_density_finds_the_prose_among_navigation_and_footer()
    {
        var body = $"<div id=\"top\">{Page.Nav("Section")}</div><div class=\"wrap\"><div class=\"col\"><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Beta")}</p></div>"
            + $"<div class=\"col2\">{Page.Nav("Popular")}</div></div><div id=\"bottom\"><p>Imprint</p>{Page.Nav("Legal")}</div>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Alpha sentence 1", article.Text);
        Assert.Contains("Beta sentence 4", article.Text);
        Assert.DoesNotContain("Section 1", article.Text);
        Assert.DoesNotContain("Popular", article.Text);
        Assert.DoesNotContain("Legal", article.Text);
    }

    [Fact]
    public void Link_density_drops_a_list_of_links_inside_the_article()
    {
        var related = "<ul>" + string.Concat(Enumerable.Range(1, 4).Select(i => $"<li><a href=\"/r{i}\">Another long story headline number {i} about the town</a></li>")) + "</ul>";
        var body = $"<article><p>{Page.Prose("Alpha")}</p>{related}<p>{Page.Prose("Omega")}</p></article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Omega sentence 1", article.Text);
        Assert.DoesNotContain("Another long story headline", article.Text);
    }

    [Fact]
    public void A_paragraph_with_one_link_in_running_text_stays()
    {
        var body = $"<article><p>{Page.Prose("Alpha")}</p><p>Sign the petition at <a href=\"http://www.openpetition.de\">http://www.openpetition.de</a> before Friday.</p><p>{Page.Prose("Omega")}</p></article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("http://www.openpetition.de", article.Text);
    }

    [Theory]
    [InlineData("<div class=\"share-buttons\"><p>Share this article with your friends and family on every social network you use today.</p></div>", "Share this article")]
    [InlineData("<div class=\"newsletter-signup\"><p>Get the best stories of the week delivered to your inbox every Friday morning, free of charge.</p></div>", "delivered to your inbox")]
    [InlineData("<section id=\"comments\"><p>Great article, I completely agree with everything the author says about the council and the bridge.</p></section>", "Great article")]
    [InlineData("<div class=\"cookie-banner\"><p>We use cookies to improve your experience on our site and to show you personalised advertising.</p></div>", "We use cookies")]
    [InlineData("<aside><p>Editor's picks: the ten most read stories of the month, chosen by our editors for you to enjoy.</p></aside>", "Editor's picks")]
    [InlineData("<div class=\"related-posts\"><p>You may also like our long report on the other bridge that was approved last year.</p></div>", "You may also like")]
    public void Furniture_named_by_class_id_or_tag_is_left_out_even_inside_the_article(string furniture, string marker)
    {
        var body = $"<article><p>{Page.Prose("Alpha")}</p>{furniture}<p>{Page.Prose("Omega")}</p></article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Alpha sentence 1", article.Text);
        Assert.Contains("Omega sentence 1", article.Text);
        Assert.DoesNotContain(marker, article.Text);
    }

    [Fact]
    public void A_long_comment_thread_beside_a_short_post_does_not_become_the_body()
    {
        var comments = string.Concat(Enumerable.Range(1, 3).Select(i => $"<li class=\"comment\"><p>{Page.Prose($"Comment{i}")}</p></li>"));
        var body = $"<div class=\"post\"><h1>Short post</h1><p>{Page.Prose("Post", 3)}</p></div><div id=\"comments\"><ol class=\"comment-list\">{comments}</ol></div>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Post sentence 1", article.Text);
        Assert.DoesNotContain("Comment1", article.Text);
    }

    [Fact]
    public void Paragraph_runs_split_by_an_ad_are_joined()
    {
        var body = $"<div class=\"page\"><div class=\"part\"><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Beta")}</p></div><div class=\"ad-slot\">Advertisement</div>"
            + $"<div class=\"part\"><p>{Page.Prose("Gamma", 3)}</p></div><div class=\"box\">{Page.Nav("More")}</div></div>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Alpha sentence 1", article.Text);
        Assert.Contains("Gamma sentence 3", article.Text);
        Assert.DoesNotContain("Advertisement", article.Text);
        Assert.DoesNotContain("More 1", article.Text);
    }

    [Fact]
    public void Blocks_are_cut_as_the_rule_engine_cuts_them_and_captions_are_lifted_out()
    {
        var body = $"<article><p>{Page.Prose("Alpha")}</p><h2>What comes next</h2><figure><img src=\"/a.jpg\"><figcaption>The bridge at dawn.</figcaption></figure>"
            + $"<ul><li>{Page.Prose("Item", 1)}</li></ul><blockquote>{Page.Prose("Quote", 2)}</blockquote></article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Equal(
            new[] { BlockKind.Paragraph, BlockKind.Heading, BlockKind.Caption, BlockKind.ListItem, BlockKind.Quote },
            article.Body.Select(b => b.Kind));
        Assert.Equal(new[] { "The bridge at dawn." }, article.Captions);
        Assert.DoesNotContain("The bridge at dawn.", article.Text);
        Assert.Equal(string.Join("\n\n", article.Body.Where(b => b.Kind != BlockKind.Caption).Select(b => b.Text)), article.Text);
    }

    [Fact]
    public void Short_furniture_lines_and_lone_dates_inside_the_body_are_left_out()
    {
        var body = $"<article><p>23.10.2018</p><p>{Page.Prose("Alpha")}</p><h3>Mehr zum Thema</h3><p>{Page.Prose("Omega")}</p><p>Share this article</p></article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.DoesNotContain("23.10.2018", article.Text);
        Assert.DoesNotContain("Mehr zum Thema", article.Text);
        Assert.DoesNotContain("Share this article", article.Text);
        Assert.Contains("Omega sentence 1", article.Text);
    }

    [Fact]
    public void The_headline_repeated_over_the_text_leaves_it_with_its_kicker()
    {
        // The title comes from the breadcrumb's <h1>; the article shows it again under a kicker.
        var body = $"<div class=\"breadcrumb\"><a href=\"/\">Start</a> – <h1>Warum Mangos jetzt teurer sind</h1></div><div class=\"menu\">{Page.Nav("Menu")}</div>"
            + $"<article><div class=\"header\"><span class=\"kicker\">Corona</span><h2>Warum Mangos jetzt teurer sind</h2></div><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Omega")}</p></article>";
        var article = Page.Extract(Page.Html("<meta property=\"og:title\" content=\"Warum Mangos jetzt teurer sind\">", body));

        Assert.Equal("Warum Mangos jetzt teurer sind", article.Title);
        Assert.DoesNotContain("Warum Mangos", article.Text);
        Assert.DoesNotContain("Corona", article.Text);
        Assert.StartsWith("Alpha sentence 1", article.Text);
    }

    [Fact]
    public void Numbers_with_units_are_not_taken_for_dates()
    {
        var body = $"<article><p>{Page.Prose("Alpha")}</p><table><tr><td>apache_builds</td><td>0.091 GB/s</td></tr></table></article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("0.091 GB/s", article.Text);
    }

    [Fact]
    public void A_page_wrapped_in_one_form_still_gives_its_text()
    {
        var body = $"<form id=\"aspnetForm\" action=\"/x\"><div id=\"nav\">{Page.Nav("Menu")}</div><div id=\"text\"><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Beta")}</p></div></form>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Beta sentence 1", article.Text);
    }

    [Fact]
    public void A_page_nested_fifty_thousand_levels_deep_is_read_without_recursion()
    {
        const int depth = 50_000;
        var html = Page.Html(string.Empty, string.Concat(Enumerable.Repeat("<div>", depth)) + $"<p>{Page.Prose("Deep")}</p>" + string.Concat(Enumerable.Repeat("</div>", depth)));
        var article = Page.Extract(html);

        Assert.Contains("Deep sentence 4", article.Text);
    }

    [Fact]
    public void A_page_with_no_text_gives_an_empty_body_and_says_so()
    {
        var article = Page.Extract(Page.Html("<title>Empty</title>", "<div><img src=\"/a.png\"></div>"));

        Assert.Empty(article.Body);
        Assert.Contains(article.Warnings, w => w.StartsWith("body:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_document_is_not_changed()
    {
        var document = NewsRules.Html.HtmlDocuments.Parse(Page.Html("<title>T</title>", $"<article><h1>T</h1><p>{Page.Prose("Alpha")}</p><div class=\"share\">Share</div></article>"));
        var before = document.DocumentElement.OuterHtml;

        GenericExtractor.Instance.Extract(document, new Uri(Page.Url));

        Assert.Equal(before, document.DocumentElement.OuterHtml);
    }

    [Fact]
    public void Bytes_in_a_declared_charset_are_decoded()
    {
        var html = Page.Html(string.Empty, "<article><p>Die Gemeinde plant für das nächste Jahr größere Änderungen an der Brücke und am Marktplatz der Stadt.</p></article>", charset: "windows-1252");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var bytes = new MemoryStream(System.Text.Encoding.GetEncoding(1252).GetBytes(html));

        var article = GenericExtractor.Instance.Extract(bytes, new Uri(Page.Url));

        Assert.Contains("größere Änderungen", article.Text);
    }

    [Fact]
    public void An_after_article_heading_cuts_the_author_box_and_comments_that_follow_it()
    {
        var bio = "Jane Doe studied physics in Vienna and has written about the town council for twenty years, mostly on Tuesdays and in plain words.";
        var body = $"<article><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Beta")}</p><p>{Page.Prose("Gamma")}</p><h3>Über den Autor</h3><p>{bio}</p></article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Gamma sentence 4", article.Text);
        Assert.DoesNotContain("Über den Autor", article.Text);
        Assert.DoesNotContain("studied physics", article.Text);
    }

    [Fact]
    public void Running_text_after_such_a_heading_that_is_a_large_part_of_the_article_stays()
    {
        var body = $"<article><p>{Page.Prose("Alpha")}</p><h3>Related</h3><p>{Page.Prose("Omega")}</p></article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Omega sentence 1", article.Text);
    }

    [Fact]
    public void A_single_long_paragraph_is_not_the_container_its_holder_is()
    {
        // Blogs whose post is one long paragraph and a few short lines: the short lines belong to it.
        var body = $"<div id=\"menu\">{Page.Nav("Menu")}</div><div><p>{Page.Prose("Alpha", 8)}</p><p>Signed, the council clerk.</p><p>Greetings to all readers.</p></div>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Alpha sentence 8", article.Text);
        Assert.Contains("Signed, the council clerk.", article.Text);
        Assert.Contains("Greetings to all readers.", article.Text);
        Assert.DoesNotContain("Menu 1", article.Text);
    }

    [Theory]
    [InlineData("Crédits photos : Agence")]
    [InlineData("Titelbild: Jane Doe")]
    [InlineData("Letzte Änderung 03.04.2020")]
    [InlineData("4 Min Read")]
    [InlineData("Updated: Dec 15, 2016 2:57 PM UTC")]
    [InlineData("Stand: 04.02.2022, 13:10 Uhr MEZ")]
    [InlineData("Dec. 13, 2016, 12:31 PM UTC / Updated Dec. 13, 2016, 6:06 PM UTC")]
    public void Credit_update_and_read_time_lines_are_left_out(string line)
    {
        var article = Between($"<p>{line}</p>");

        Assert.DoesNotContain(line, article.Text);
        Assert.Contains("Omega sentence 1", article.Text);
    }

    [Theory]
    [InlineData("<p><b>LE PUEDE INTERESAR: <a href=\"/x\">La ficha del expresidente en la cárcel de Nueva York</a></b></p>", "La ficha del expresidente")]
    [InlineData("<h6><strong>Mire: </strong><a href=\"/x\">El cantante da positivo a la prueba del virus</a></h6>", "El cantante da positivo")]
    [InlineData("<p>Auch lesen: <a href=\"/x\">So gelingt der Umzug in die neue Wohnung ohne Stress</a></p>", "So gelingt der Umzug")]
    public void A_label_and_one_link_to_another_article_is_left_out(string line, string marker)
    {
        var article = Between(line);

        Assert.DoesNotContain(marker, article.Text);
        Assert.Contains("Omega sentence 1", article.Text);
    }

    [Theory]
    [InlineData("<p>Kreole: <a href=\"/shop/1\">Stella Hoops</a></p>", "Stella Hoops")]
    [InlineData("<p>The council published <a href=\"/report\">its full report on the bridge and the market square</a> on Tuesday: read it.</p>", "its full report")]
    [InlineData("<p><a href=\"/report\">The full report on the bridge and the market square</a>: the council's findings.</p>", "The full report")]
    public void A_short_link_or_a_link_in_a_sentence_stays(string line, string marker)
    {
        var article = Between(line);

        Assert.Contains(marker, article.Text);
    }

    [Fact]
    public void A_heading_with_only_links_or_nothing_after_it_at_the_foot_of_the_article_is_left_out()
    {
        var related = "<ul>" + string.Concat(Enumerable.Range(1, 3).Select(i => $"<li><a href=\"/r{i}\">Another long story headline number {i} about the town</a></li>")) + "</ul>";
        var body = $"<article><h2>The vote</h2><p>{Page.Prose("Alpha")}</p><h3>Picture gallery of the week</h3><div class=\"gallery\"><img src=\"/a.jpg\"></div><h2>Around the region</h2>{related}</article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("The vote", article.Text);
        Assert.Contains("Alpha sentence 4", article.Text);
        Assert.DoesNotContain("Picture gallery", article.Text);
        Assert.DoesNotContain("Around the region", article.Text);
    }

    [Theory]
    [InlineData("<h3>Ingredients</h3><ol><li>Two eggs.</li><li>200 g flour, a pinch of salt.</li><li>One cup of milk.</li><li>Butter for the pan.</li></ol>", "Ingredients")]
    [InlineData("<h2>Structure and content</h2><br>The book has twelve chapters, from contracts to data protection, each with cases.<br>", "Structure and content")]
    public void A_heading_followed_by_plain_text_at_the_foot_of_the_article_stays(string tail, string marker)
    {
        var body = $"<article><p>{Page.Prose("Alpha")}</p>{tail}</article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains(marker, article.Text);
    }

    [Fact]
    public void The_standfirst_above_the_body_that_shows_the_page_description_opens_the_text()
    {
        var standfirst = "The council approved the new bridge on Tuesday after a debate of four hours, and work starts in spring.";
        var body = $"<div class=\"head\"><h1>Council approves the bridge</h1><p class=\"intro\">{standfirst}</p></div><div id=\"top\">{Page.Nav("Section")}</div>"
            + $"<div class=\"text\"><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Beta")}</p></div>";
        var article = Page.Extract(Page.Html($"<meta name=\"description\" content=\"{standfirst[..70]}…\">", body));

        Assert.StartsWith(standfirst, article.Text);
        Assert.Contains("Beta sentence 4", article.Text);
        Assert.DoesNotContain("Section 1", article.Text);
    }

    [Fact]
    public void A_standfirst_already_inside_the_body_is_read_once()
    {
        var standfirst = "The council approved the new bridge on Tuesday after a debate of four hours, and work starts in spring.";
        var body = $"<div id=\"top\">{Page.Nav("Section")}</div><article><h1>Council approves the bridge</h1><p>{standfirst}</p><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Beta")}</p></article>";
        var article = Page.Extract(Page.Html($"<meta name=\"description\" content=\"{standfirst}\">", body));

        Assert.StartsWith(standfirst, article.Text);
        Assert.Single(article.Text.Split("\n\n"), p => p == standfirst);
    }

    [Fact]
    public void A_description_that_the_page_does_not_show_adds_nothing_to_the_text()
    {
        var body = $"<h1>Council approves the bridge</h1><div class=\"text\"><p>{Page.Prose("Alpha")}</p></div>";
        var article = Page.Extract(Page.Html("<meta name=\"description\" content=\"A summary written for search engines only, never shown on the page itself.\">", body));

        Assert.DoesNotContain("search engines", article.Text);
        Assert.StartsWith("Alpha sentence 1", article.Text);
    }

    [Theory]
    [InlineData("<p>January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments</p>", "categories")]
    [InlineData("<p>24.01.2022 11:38 Kategorie: News</p>", "Kategorie")]
    [InlineData("<div>Freitag | 14. Juni 2019 | 15:49 VON Jane Doe IN Fashion | 0 COMMENTS</div>", "COMMENTS")]
    public void A_post_meta_line_with_a_date_is_left_out(string line, string marker)
    {
        var article = Between(line);

        Assert.DoesNotContain(marker, article.Text);
        Assert.Contains("Omega sentence 1", article.Text);
    }

    [Theory]
    [InlineData("On 14 June 2019 the council met again.")]
    [InlineData("Tickets: 12 euros, from 3 May 2021.")]
    public void A_short_sentence_with_a_date_stays(string line)
    {
        var article = Between($"<p>{line}</p>");

        Assert.Contains(line, article.Text);
    }

    [Theory]
    [InlineData("container with-sidebar-right")]
    [InlineData("left-navigation_page-wrapper")]
    public void A_layout_wrapper_named_after_its_sidebar_or_navigation_still_gives_the_article_in_its_main(string wrapper)
    {
        var body = $"<div class=\"{wrapper}\"><main><div class=\"story__inner\"><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Beta")}</p></div></main>"
            + $"<div class=\"side\">{Page.Nav("Side")}</div></div><div id=\"external-note\"><p>This link is to an external site that may or may not meet accessibility guidelines.</p></div>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Alpha sentence 1", article.Text);
        Assert.Contains("Beta sentence 4", article.Text);
        Assert.DoesNotContain("Side 1", article.Text);
    }

    [Fact]
    public void A_body_that_a_broken_page_nested_a_link_sidebar_into_is_not_taken_for_a_link_list()
    {
        // "<p><code><div class=sidebar…>": the parser puts the whole sidebar inside the article's wrapper.
        var sidebar = "<div class=\"sidebar-widget\"><ul>" + string.Concat(Enumerable.Range(1, 60).Select(i => $"<li><a href=\"/b{i}\">Breed number {i} and its puppies</a></li>")) + "</ul></div>";
        var body = $"<article class=\"entry-content\"><div class=\"inner\"><h1>Buying a puppy</h1><p>{Page.Prose("Alpha", 2)}</p><p><code>{sidebar}</code></p></div></article>";
        var article = Page.Extract(Page.Html("<title>Buying a puppy</title>", body));

        Assert.Contains("Alpha sentence 2", article.Text);
        Assert.DoesNotContain("Breed number 7", article.Text);
    }

    [Theory]
    [InlineData("Follow The Gazette on Twitter and Instagram @Gazette and on Facebook. Send us a message on WhatsApp.")]
    [InlineData("For the latest stories and breaking news updates download the Gazette apps for iOS and Android.")]
    [InlineData("Síguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas nuestras actualizaciones.")]
    [InlineData("To view the full story, please subscribe to The Gazette. You can choose an annual subscription.")]
    [InlineData("Jede kleine Spende hilft den Menschen in der Region!")]
    [InlineData("Never miss the latest news by signing up to our newsletter today!")]
    [InlineData("The biggest stories of the day delivered to your inbox.")]
    [InlineData("All products recommended by us are selected by our editorial team. Some of our stories include affiliate links. If you buy something through one of these links, we may earn an affiliate commission.")]
    [InlineData("Thanks for signing up. See you at your inbox!")]
    public void A_call_to_follow_subscribe_or_give_is_left_out(string line)
    {
        var article = Between($"<p>{line}</p>");

        Assert.DoesNotContain(line, article.Text);
        Assert.Contains("Omega sentence 1", article.Text);
    }

    [Theory]
    [InlineData("Ten years ago Twitter was where the council's press office posted its notices first.")]
    [InlineData("The mayor said the town would support independent shops with a new fund next year.")]
    public void A_sentence_that_names_a_network_or_support_stays(string line)
    {
        var article = Between($"<p>{line}</p>");

        Assert.Contains(line, article.Text);
    }

    [Theory]
    [InlineData("Abbildung 4: Die Schicht unter dem Neuschnee, im Querschnitt.")]
    [InlineData("(Credit: Jane Doe / Gazette)")]
    [InlineData("The mayor at the opening of the bridge. © AFP / John Roe")]
    public void A_caption_or_credit_written_as_a_paragraph_is_lifted_out_of_the_text(string line)
    {
        var article = Between($"<p>{line}</p>");

        Assert.DoesNotContain(line, article.Text);
        Assert.Contains(line, article.Captions);
    }

    [Fact]
    public void The_article_sharing_a_div_with_a_longer_list_of_related_links_stays()
    {
        // One div holds the text and, after it, related headlines with more characters than the
        // text: the div is not a link list, the list inside it is.
        var related = "<ul>" + string.Concat(Enumerable.Range(1, 8).Select(i => $"<li><a href=\"/r{i}\">Another long related story headline number {i} about the bridge and the town</a></li>")) + "</ul>";
        var body = $"<div id=\"main\"><div class=\"share\"><a href=\"/t\">Tweet</a></div><div class=\"frame\"><p>{Page.Prose("Alpha", 3)}</p>{related}</div></div>"
            + $"<div id=\"side\">{Page.Nav("Popular")}</div>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Alpha sentence 2", article.Text);
        Assert.DoesNotContain("Another long related story", article.Text);
        Assert.DoesNotContain("Popular", article.Text);
    }

    [Fact]
    public void A_widget_named_wrapper_holding_the_text_of_the_article_body_is_not_furniture()
    {
        // CMSs that build pages from "widgets" name the text's own wrapper after them. The page
        // has other prose, so the wrapper does not hold most of the page's text.
        var body = $"<div class=\"col\"><div class=\"article-body\"><div class=\"widget__body\"><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Omega")}</p></div></div></div>"
            + $"<div class=\"col2\"><p>{Page.Prose("Other")}</p></div><div class=\"sidebar\">{Page.Nav("Popular")}</div>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Alpha sentence 1", article.Text);
        Assert.Contains("Omega sentence 4", article.Text);
    }

    [Fact]
    public void A_widget_beside_the_text_inside_the_article_body_stays_furniture()
    {
        var body = $"<div class=\"article-body\"><p>{Page.Prose("Alpha")}</p><div class=\"widget\"><p>{Page.Prose("Widget", 1)}</p></div><p>{Page.Prose("Omega")}</p></div>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Contains("Omega sentence 4", article.Text);
        Assert.DoesNotContain("Widget sentence", article.Text);
    }

    [Fact]
    public void Stories_shown_with_their_first_paragraphs_under_the_article_stay_out()
    {
        // "Popular stories" in the same main column, each with a linked headline and its opening
        // paragraphs: together they outweigh the article.
        var teasers = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $"<div class=\"block\"><h3><a href=\"/story{i}\">Other headline {i} about something else</a></h3><div class=\"text\">{Page.Prose($"Teaser{i}", 2)}</div></div>"));
        var body = $"<div id=\"maincontent\"><article><div class=\"titlebar\"><h1>Council approves the new bridge</h1></div><div class=\"content\"><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Omega")}</p></div></article>"
            + $"<h2>Popular Stories</h2>{teasers}</div>";
        var article = Page.Extract(Page.Html("<meta property=\"og:title\" content=\"Council approves the new bridge\">", body));

        Assert.Equal("Council approves the new bridge", article.Title);
        Assert.Contains("Alpha sentence 1", article.Text);
        Assert.Contains("Omega sentence 4", article.Text);
        Assert.DoesNotContain("Teaser", article.Text);
    }

    [Theory]
    [InlineData("(c) Reuters", true)]
    [InlineData("Die Brücke im Nebel. (c) Stadtarchiv", true)]
    [InlineData("Foto: Jane Doe", true)]
    [InlineData("Options (a), (b) and (c) were put to the vote.", false)]
    [InlineData("The cases (c) and (d) are different.", false)]
    public void A_copyright_mark_makes_a_caption_only_before_a_capitalised_name(string line, bool caption)
    {
        Assert.Equal(caption, Hints.IsCaptionText(line));
    }

    [Fact]
    public void Ruby_readings_are_left_out_of_the_text_and_the_title()
    {
        var body = "<article><h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rp>(</rp><rt>たいばつ</rt><rp>)</rp></ruby>を禁止する法律ができる</h1>"
            + "<p>" + string.Concat(Enumerable.Range(1, 6).Select(i => $"<ruby>法律<rt>ほうりつ</rt></ruby>では<ruby>虐待<rt>ぎゃくたい</rt></ruby>をした親に専門家が子どもの育て方を教えたりすることになりました。")) + "</p></article>";
        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.Equal("子どもへの体罰を禁止する法律ができる", article.Title);
        Assert.Contains("法律では虐待をした親に", article.Text);
        Assert.DoesNotContain("ほうりつ", article.Text);
    }

    /// <summary>The generic extractor on an article of two long paragraphs ("Alpha", "Omega") with <paramref name="markup"/> between them.</summary>
    private static Article Between(string markup) =>
        Page.Extract(Page.Html(string.Empty, $"<article><p>{Page.Prose("Alpha")}</p>{markup}<p>{Page.Prose("Omega")}</p></article>"));
}
