using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>How metadata and custom fields pick their values.</summary>
public sealed class FieldSelectionTests
{
    private static Article Run(string extraYaml, string pageHtml, string title = "h1") =>
        InlineRule.Extract(InlineRule.Yaml(title: title, extra: extraYaml), $"<html><head>{Head}</head><body>{pageHtml}<div class=story><p>Body.</p></div></body></html>");

    private const string Head = """
        <meta property="og:title" content="OG title">
        <meta name="author" content="Meta Author">
        <meta property="og:description" content="OG description">
        """;

    [Fact]
    public void Title_takes_the_first_non_empty_match()
    {
        var article = Run(string.Empty, "<h1> </h1><h1></h1><h1>Real headline</h1><h1>Second headline</h1>");

        Assert.Equal("Real headline", article.Title);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void First_alternative_with_a_value_wins_even_when_a_later_one_comes_first_in_the_page()
    {
        var article = InlineRule.Extract(
            """
            site: Example
            domains: [example.com]
            title: ['h1.headline', 'meta[property="og:title"]@content', 'h1']
            body: .story
            """,
            $"<html><head>{Head}</head><body><h1>Plain h1</h1><h1 class=headline></h1><div class=story>x</div></body></html>");

        Assert.Equal("OG title", article.Title);
    }

    [Fact]
    public void Selector_at_attribute_reads_the_attribute()
    {
        var article = Run("lead: 'meta[property=\"og:description\"]@content'", "<h1>H</h1>");

        Assert.Equal("OG description", article.Lead);
    }

    [Fact]
    public void Element_without_the_attribute_falls_through_to_the_next_match()
    {
        var article = Run("fields:\n  Label: 'span@data-label'", "<h1>H</h1><span>no attribute</span><span data-label=''>empty</span><span data-label='Found'>x</span>");

        Assert.Equal("Found", article.Fields["Label"]);
    }

    [Fact]
    public void Pattern_group_one_is_the_value()
    {
        var article = Run("fields:\n  Source: { select: '.src', pattern: 'Source:\\s*(.+)' }", "<h1>H</h1><p class=src>Source: Reuters</p>");

        Assert.Equal("Reuters", article.Fields["Source"]);
    }

    [Fact]
    public void Pattern_without_a_group_keeps_the_whole_match()
    {
        var article = Run("fields:\n  Year: { select: '.date', pattern: '\\d{4}' }", "<h1>H</h1><p class=date>Printed in May 2024, page 3</p>");

        Assert.Equal("2024", article.Fields["Year"]);
    }

    [Fact]
    public void Pattern_that_does_not_match_falls_through_to_the_next_match()
    {
        var article = Run(
            "fields:\n  Source: { select: '.note', pattern: 'Source:\\s*(.+)' }",
            "<h1>H</h1><p class=note>Editor's note</p><p class=note>Source: AFP</p>");

        Assert.Equal("AFP", article.Fields["Source"]);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Pattern_that_does_not_match_falls_through_to_the_next_alternative()
    {
        var article = Run(
            "fields:\n  Source: { select: ['.note', '.agency'], pattern: 'Source:\\s*(.+)' }",
            "<h1>H</h1><p class=note>Editor's note</p><p class=agency>Source: AP</p>");

        Assert.Equal("AP", article.Fields["Source"]);
    }

    [Fact]
    public void Pattern_that_matches_nothing_warns_with_the_pattern()
    {
        var article = Run("fields:\n  Source: { select: '.note', pattern: 'Source:\\s*(.+)' }", "<h1>H</h1><p class=note>Editor's note</p>");

        Assert.Null(article.Fields["Source"]);
        var warning = Assert.Single(article.Warnings);
        Assert.StartsWith("Source:", warning, StringComparison.Ordinal);
        Assert.Contains("pattern", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Author_takes_every_match_of_the_winning_alternative()
    {
        var article = Run(
            "author: ['.byline a', 'meta[name=author]@content']",
            "<h1>H</h1><p class=byline>By <a>Ann Lee</a> and <a>Bo Chen</a></p>");

        Assert.Equal(["Ann Lee", "Bo Chen"], article.Authors);
    }

    [Fact]
    public void Author_does_not_mix_alternatives()
    {
        var article = Run(
            "author: ['.byline a', '.contributor', 'meta[name=author]@content']",
            "<h1>H</h1><p class=byline><a>Ann Lee</a></p><p class=contributor>Cy Dorn</p>");

        Assert.Equal(["Ann Lee"], article.Authors);
    }

    [Fact]
    public void Author_falls_back_to_the_next_alternative()
    {
        var article = Run("author: ['.byline a', 'meta[name=author]@content']", "<h1>H</h1>");

        Assert.Equal(["Meta Author"], article.Authors);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Author_duplicates_are_dropped()
    {
        var article = Run("author: .by", "<h1>H</h1><span class=by>Ann Lee</span><span class=by>Bo Chen</span><span class=by>Ann  Lee</span><span class=by>By Bo Chen</span>");

        Assert.Equal(["Ann Lee", "Bo Chen"], article.Authors);
    }

    [Theory]
    [InlineData("By Ann Lee", "Ann Lee")]
    [InlineData("by ann lee", "ann lee")]
    [InlineData("BY: Ann Lee", "Ann Lee")]
    [InlineData("  By   Ann Lee", "Ann Lee")]
    [InlineData("Byron Stone", "Byron Stone")]
    [InlineData("Ann By", "Ann By")]
    public void Author_leading_by_is_stripped(string byline, string expected)
    {
        var article = Run("author: .by", $"<h1>H</h1><span class=by>{byline}</span>");

        Assert.Equal([expected], article.Authors);
    }

    [Fact]
    public void Many_field_gives_every_match_as_a_list()
    {
        var article = Run("fields:\n  Tags: { select: '.tags a', many: true }", "<h1>H</h1><div class=tags><a>Politics</a><a> </a><a>Europe</a><a>Politics</a></div>");

        var tags = Assert.IsAssignableFrom<IReadOnlyList<string>>(article.Fields["Tags"]);
        Assert.Equal(["Politics", "Europe"], tags);
    }

    [Fact]
    public void Many_field_with_no_match_is_an_empty_list_and_warns()
    {
        var article = Run("fields:\n  Tags: { select: '.tags a', many: true }", "<h1>H</h1>");

        var tags = Assert.IsAssignableFrom<IReadOnlyList<string>>(article.Fields["Tags"]);
        Assert.Empty(tags);
        var warning = Assert.Single(article.Warnings);
        Assert.Contains("Tags", warning, StringComparison.Ordinal);
        Assert.Contains(".tags a", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_custom_field_takes_the_first_match_only()
    {
        var article = Run("fields:\n  Section: .section", "<h1>H</h1><a class=section>World</a><a class=section>Africa</a>");

        Assert.Equal("World", article.Fields["Section"]);
    }

    [Fact]
    public void Missing_field_is_null_and_the_warning_names_the_field_and_selector()
    {
        var article = Run("lead: ['.dek', 'p.summary']", "<h1>H</h1>");

        Assert.Null(article.Lead);
        var warning = Assert.Single(article.Warnings);
        Assert.StartsWith("lead:", warning, StringComparison.Ordinal);
        Assert.Contains(".dek", warning, StringComparison.Ordinal);
        Assert.Contains("p.summary", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_title_warns()
    {
        // rot: warn keeps the rule's own (empty) title; RuleRotTests covers the default fallback.
        var article = Run("rot: warn", "<h2>Not a title</h2>", title: "h1.headline");

        Assert.Null(article.Title);
        Assert.Contains(article.Warnings, w => w.StartsWith("title:", StringComparison.Ordinal) && w.Contains("h1.headline", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_custom_field_is_null_with_a_warning_and_still_present_in_fields()
    {
        var article = Run("fields:\n  Source: .agency", "<h1>H</h1>");

        Assert.True(article.Fields.ContainsKey("Source"));
        Assert.Null(article.Fields["Source"]);
        Assert.Contains(article.Warnings, w => w.Contains("Source", StringComparison.Ordinal) && w.Contains(".agency", StringComparison.Ordinal));
    }

    [Fact]
    public void Fields_matched_but_empty_warn_as_empty()
    {
        var article = Run("lead: .dek", "<h1>H</h1><p class=dek>  </p>");

        Assert.Null(article.Lead);
        var warning = Assert.Single(article.Warnings);
        Assert.Contains("empty", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_the_rule_does_not_declare_give_no_warning()
    {
        var article = Run(string.Empty, "<h1>H</h1>");

        Assert.Null(article.Lead);
        Assert.Null(article.Image);
        Assert.Null(article.Published);
        Assert.Empty(article.Authors);
        Assert.Empty(article.Captions);
        Assert.Empty(article.Fields);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Site_and_url_are_copied_to_the_article()
    {
        var article = Run(string.Empty, "<h1>H</h1>");

        Assert.Equal("Example", article.Site);
        Assert.Equal(InlineRule.PageUrl, article.Url);
    }

    [Fact]
    public void Title_may_read_the_document_title_element()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(title: "head title"),
            "<html><head><title> Page title | Example </title></head><body><div class=story><p>Body.</p></div></body></html>");

        Assert.Equal("Page title | Example", article.Title);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Custom_field_may_read_json_ld_with_a_pattern()
    {
        var article = Run(
            "fields:\n  Section: { select: 'script[type=\"application/ld+json\"]', pattern: '\"articleSection\":\\s*\"([^\"]+)\"' }",
            "<h1>H</h1><script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"articleSection\": \"World\"}</script>");

        Assert.Equal("World", article.Fields["Section"]);
    }

    [Fact]
    public void A_selected_hidden_element_is_read_but_hidden_parts_inside_a_selected_element_are_not()
    {
        var article = Run(
            "published: .iso-date\nlead: .dek",
            "<h1>H</h1><span class=iso-date hidden>2024-05-21T09:41:00Z</span><p class=dek>Shown<span style='display:none'> hidden</span> text</p>");

        Assert.Equal(new DateTimeOffset(2024, 5, 21, 9, 41, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("Shown text", article.Lead);
    }

    [Fact]
    public void Catastrophic_pattern_is_stopped_with_a_warning()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        var article = Run("fields:\n  Slow: { select: '.slow', pattern: '^(a+)+$' }", $"<h1>H</h1><p class=slow>{new string('a', 40)}!</p>");

        Assert.Null(article.Fields["Slow"]);
        Assert.Contains(article.Warnings, w => w.StartsWith("Slow:", StringComparison.Ordinal) && w.Contains("longer than", StringComparison.Ordinal));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"took {started.Elapsed}");
    }
}
