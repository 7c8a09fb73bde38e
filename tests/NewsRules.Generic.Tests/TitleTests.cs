namespace NewsRules.Generic.Tests;

/// <summary>The title: the visible headline the page's metadata agrees with, without site names and kickers.</summary>
public sealed class TitleTests
{
    private static string Prose => $"<p>{Page.Prose("Body")}</p>";

    [Fact]
    public void The_h1_that_og_title_names_wins_over_the_site_name_h1()
    {
        var head = "<title>Nebelsuppe. | Das Leben und ich</title><meta property=\"og:title\" content=\"Nebelsuppe.\"><meta property=\"og:site_name\" content=\"Das Leben und ich\">";
        var body = $"<header><h1 class=\"site-title\"><a href=\"/\">Das Leben und ich</a></h1></header><article><h1 class=\"entry-title\">Nebelsuppe.</h1>{Prose}</article>";
        var article = Page.Extract(Page.Html(head, body));

        Assert.Equal("Nebelsuppe.", article.Title);
        Assert.DoesNotContain("Nebelsuppe.", article.Text);
    }

    [Fact]
    public void A_blog_post_title_in_an_h2_is_found_through_the_title_bar()
    {
        var head = "<title>seelenradio » Nummer zwei: Leo</title>";
        var body = $"<div id=\"header\"><h1><a href=\"https://seelenradio.example/\">seelenradio</a></h1></div><div class=\"post\"><h2 class=\"posttitle\">Nummer zwei: Leo</h2>{Prose}</div>";
        var article = Page.Extract(Page.Html(head, body), "https://seelenradio.example/leo");

        Assert.Equal("Nummer zwei: Leo", article.Title);
    }

    [Fact]
    public void A_kicker_inside_the_h1_is_left_out()
    {
        var head = "<meta property=\"og:title\" content=\"Interne Unterlagen im Netz: Daten von Rheinmetall gehackt\">";
        var body = $"<article><h1><span class=\"dachzeile\">Interne Unterlagen im Netz</span> <span class=\"headline\">Daten von Rheinmetall gehackt</span></h1>{Prose}</article>";
        var article = Page.Extract(Page.Html(head, body));

        Assert.Equal("Daten von Rheinmetall gehackt", article.Title);
    }

    [Theory]
    [InlineData("Rasende Polizisten | strafprozess.ch", "https://www.strafprozess.ch/x", "Rasende Polizisten")]
    [InlineData("Example News - Council approves the bridge", "https://examplenews.com/x", "Council approves the bridge")]
    [InlineData("Leasing oder Finanzierung – was lohnt sich mehr?", "https://finanz.example/x", "Leasing oder Finanzierung – was lohnt sich mehr?")]
    [InlineData("Reise ABC | Singapur Reiseinfo", "https://singapur.example/x", "Reise ABC")]
    [InlineData("National Rail Enquiries - ", "https://www.nationalrail.example/x", "National Rail Enquiries")]
    [InlineData("| Council approves the bridge", "https://examplenews.com/x", "Council approves the bridge")]
    [InlineData("Council approves the bridge |", "https://examplenews.com/x", "Council approves the bridge")]
    public void Without_a_heading_the_title_bar_loses_the_site_name(string titleBar, string url, string expected)
    {
        var article = Page.Extract(Page.Html($"<title>{titleBar}</title>", $"<main>{Prose}</main>"), url);

        Assert.Equal(expected, article.Title);
    }

    [Fact]
    public void A_single_h1_is_the_title_when_metadata_says_something_else()
    {
        var head = "<title>Anwalt Niemeyer</title>";
        var article = Page.Extract(Page.Html(head, $"<div class=\"col\"><h1>Willkommen!</h1>{Prose}</div>"));

        Assert.Equal("Willkommen!", article.Title);
    }

    [Fact]
    public void A_page_without_any_title_warns()
    {
        var article = Page.Extract(Page.Html(string.Empty, $"<main>{Prose}</main>"));

        Assert.Null(article.Title);
        Assert.Contains(article.Warnings, w => w.StartsWith("title:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_blog_name_h1_loses_to_the_longer_post_heading_the_title_bar_also_names()
    {
        var html = Page.Html(
            "<title>Tiny Notes » Blog Archive » Why the harbour closed early on Tuesday</title>",
            $"<h1>Tiny Notes</h1><div class=\"post\"><h2>Why the harbour closed early on Tuesday</h2><p>{Page.Prose("Alpha")}</p></div>");

        Assert.Equal("Why the harbour closed early on Tuesday", Page.Extract(html).Title);
    }

    [Fact]
    public void A_headline_h1_stays_when_a_shorter_heading_names_the_section()
    {
        var html = Page.Html(
            "<title>Why the harbour closed early on Tuesday - Harbour</title>",
            $"<h2>Harbour</h2><h1>Why the harbour closed early on Tuesday</h1><p>{Page.Prose("Alpha")}</p>");

        Assert.Equal("Why the harbour closed early on Tuesday", Page.Extract(html).Title);
    }
    [Theory]
    [InlineData("<div class=\"content-sidebar-wrap\"><main><article><h1 class=\"entry-title\">Saftiger Zitronenkuchen: einfach köstlich!</h1>{0}</article></main><div class=\"sidebar\"><h3>Rezepte</h3></div></div>")]
    [InlineData("<nav><ol class=\"breadcrumb\"><li><a href=\"/\">Start</a></li><li><h1>Saftiger Zitronenkuchen: einfach köstlich!</h1></li></ol></nav><h2>Eine andere Zeile</h2>{0}")]
    [InlineData("<div class=\"elementor-widget-container\"><h1>Saftiger Zitronenkuchen: einfach köstlich!</h1></div><div class=\"elementor-widget-container\">{0}</div>")]
    public void The_only_h1_is_the_title_inside_a_wrapper_named_sidebar_or_nav(string body)
    {
        var head = "<meta property=\"og:title\" content=\"Rezept des Tages\">";
        var article = Page.Extract(Page.Html(head, string.Format(body, Prose)));

        Assert.Equal("Saftiger Zitronenkuchen: einfach köstlich!", article.Title);
    }

    [Fact]
    public void An_h1_in_a_footer_is_not_the_title_even_alone()
    {
        var head = "<meta property=\"og:title\" content=\"Der Titel aus den Metadaten\">";
        var article = Page.Extract(Page.Html(head, $"<main>{Prose}</main><footer><h1>Fußbereich</h1></footer>"));

        Assert.Equal("Der Titel aus den Metadaten", article.Title);
    }

    [Fact]
    public void Of_several_h1s_one_in_a_sidebar_is_not_a_candidate()
    {
        var head = "<meta property=\"og:title\" content=\"Der Titel aus den Metadaten\">";
        var body = $"<div class=\"sidebar\"><h1>Umfragen</h1></div><div class=\"sidebar\"><h1>Partner</h1></div><main>{Prose}</main>";
        var article = Page.Extract(Page.Html(head, body));

        Assert.Equal("Der Titel aus den Metadaten", article.Title);
    }

    [Theory]
    [InlineData("<span class=\"entry-title__toptitle\">Investitionen in IT-Sicherheit</span> Cyber-Angriffe: 20 Prozent ins Budget")]
    [InlineData("<span class=\"h1small\">Investitionen in IT-Sicherheit</span> Cyber-Angriffe: 20 Prozent ins Budget")]
    [InlineData("<span class=\"v-A_-subline\">Investitionen in IT-Sicherheit</span> <span class=\"v-A_-headline\">Cyber-Angriffe: 20 Prozent ins Budget</span>")]
    [InlineData("<span class=\"sub-heading\">Investitionen in IT-Sicherheit:</span><br> Cyber-Angriffe: 20 Prozent ins Budget")]
    [InlineData("<span class=\"kicker\">Investitionen in IT-Sicherheit</span>: Cyber-Angriffe: 20 Prozent ins Budget")]
    public void Kickers_named_toptitle_subline_sub_heading_or_small_are_left_out_with_their_separator(string heading)
    {
        var article = Page.Extract(Page.Html("<title>Blog</title>", $"<article><h1>{heading}</h1>{Prose}</article>"));

        Assert.Equal("Cyber-Angriffe: 20 Prozent ins Budget", article.Title);
    }

    [Theory]
    [InlineData("<div class=\"teaser-box\"><h2>Council approves the harbour bridge</h2></div><h1>Region</h1>")]
    [InlineData("<h1>While you are here…</h1><div class=\"widget\"><h1>Council approves the harbour bridge</h1></div>")]
    [InlineData("<h1><a href=\"/\">Council approves the harbour bridge</a></h1><h1>Region</h1>")]
    public void A_heading_set_aside_as_furniture_or_site_name_is_the_title_when_og_title_states_it(string headings)
    {
        var head = "<meta property=\"og:title\" content=\"Council approves the harbour bridge\">";
        var article = Page.Extract(Page.Html(head, $"{headings}<article>{Prose}</article>"));

        Assert.Equal("Council approves the harbour bridge", article.Title);
    }

    [Fact]
    public void A_heading_set_aside_as_furniture_still_loses_to_the_headline_the_metadata_names()
    {
        var head = "<meta property=\"og:title\" content=\"Council approves the harbour bridge\">";
        var body = $"<div class=\"related\"><h2>Council approves the harbour bridge</h2></div><article><h1>Council approves the harbour bridge!</h1>{Prose}</article>";

        // The related box repeats og:title word for word; the article's own h1 (one character more) is the one on show.
        Assert.Equal("Council approves the harbour bridge!", Page.Extract(Page.Html(head, body)).Title);
    }

    [Fact]
    public void A_furniture_heading_the_metadata_does_not_state_stays_out()
    {
        var head = "<meta property=\"og:title\" content=\"Council approves the harbour bridge\">";
        var body = $"<div class=\"widget\"><h2 class=\"title\">Popular this week</h2></div><article>{Prose}</article>";

        Assert.Equal("Council approves the harbour bridge", Page.Extract(Page.Html(head, body)).Title);
    }

    [Theory]
    [InlineData("Ammonia split by LEDs instead of heat - New light reactor frees hydrogen from ammonia - sciencemag.example", "https://sciencemag.example/a")]
    [InlineData("Ammonia split by LEDs instead of heat : New light reactor frees hydrogen from ammonia : sciencemag.example", "https://www.sciencemag.example/a")]
    public void The_h1_at_one_end_of_the_title_bar_is_the_headline_when_the_other_end_is_the_site(string titleBar, string url)
    {
        var body = $"<article><h1>Ammonia split by LEDs instead of heat</h1><h2>New light reactor frees hydrogen from ammonia</h2>{Prose}</article>";

        Assert.Equal("Ammonia split by LEDs instead of heat", Page.Extract(Page.Html($"<title>{titleBar}</title>", body), url).Title);
    }

    [Fact]
    public void The_h1_at_one_end_of_the_title_bar_is_the_headline_when_og_title_states_it()
    {
        var head = "<title>Ammonia split by LEDs instead of heat - New light reactor frees hydrogen from ammonia</title><meta property=\"og:title\" content=\"Ammonia split by LEDs instead of heat\">";
        var body = $"<article><h1>Ammonia split by LEDs instead of heat</h1><h2>New light reactor frees hydrogen from ammonia</h2>{Prose}</article>";

        Assert.Equal("Ammonia split by LEDs instead of heat", Page.Extract(Page.Html(head, body), "https://other.example/a").Title);
    }

    [Fact]
    public void A_headline_that_goes_on_past_a_cut_short_og_title_is_shown_whole()
    {
        var head = "<meta property=\"og:title\" content=\"Cells raises gigafactory capacity - Battery News\">";
        var body = $"<article><h1>Cells raises gigafactory capacity in Tennessee</h1>{Prose}</article>";

        Assert.Equal("Cells raises gigafactory capacity in Tennessee", Page.Extract(Page.Html(head, body), "https://battery-news.example/a").Title);
    }

    [Fact]
    public void A_headline_with_a_date_element_after_the_stated_title_shows_the_stated_part()
    {
        var head = "<meta property=\"og:title\" content=\"Spectators return to the region's clubs\">";
        var body = $"<article><h1>Spectators return to the region's clubs <span class=\"meta\">02.02.2022 • Press</span></h1>{Prose}</article>";

        Assert.Equal("Spectators return to the region's clubs", Page.Extract(Page.Html(head, body)).Title);
    }

    [Fact]
    public void Of_two_h1s_in_the_title_bar_the_one_word_section_name_is_not_the_headline()
    {
        var head = "<title>Zoll online - Fachmeldungen - Verkündung des Tabaksteuergesetzes</title>";
        var body = $"<h1 class=\"title\">Fachmeldungen</h1><article><h1>Verkündung des Tabaksteuergesetzes</h1>{Prose}</article>";

        Assert.Equal("Verkündung des Tabaksteuergesetzes", Page.Extract(Page.Html(head, body)).Title);
    }

    [Theory]
    [InlineData("Fachmeldungen", true)]
    [InlineData(" News ", true)]
    [InlineData("Verkündung des Tabaksteuergesetzes", false)]
    [InlineData("Tabaksteuermodernisierungsgesetz", false)]
    [InlineData("武汉的声音", false)]
    [InlineData("蔡健雅", false)]
    public void A_section_name_is_one_short_word_in_a_script_written_with_spaces(string heading, bool expected)
    {
        Assert.Equal(expected, TitleReader.IsOneWord(heading));
    }
}
