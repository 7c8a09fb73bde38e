using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>The published date as the engine reads it (the parser itself is tested in DateParserTests).</summary>
public sealed class PublishedFieldTests
{
    private static Article Run(string publishedYaml, string value) =>
        InlineRule.Extract(
            InlineRule.Yaml(extra: "published:\n" + publishedYaml),
            $"<html><head></head><body><h1>H</h1><time class=pub>{value}</time><div class=story><p>Body.</p></div></body></html>");

    [Fact]
    public void Iso_date_with_offset_keeps_its_offset()
    {
        var article = Run("  select: time.pub", "2024-05-21T09:41:00+03:00");

        Assert.Equal(new DateTimeOffset(2024, 5, 21, 9, 41, 0, TimeSpan.FromHours(3)), article.Published);
        Assert.Equal(TimeSpan.FromHours(3), article.Published?.Offset);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Local_time_is_read_in_the_rules_timezone()
    {
        var article = Run("  select: time.pub\n  format: ['dd.MM.yyyy HH:mm']\n  timezone: Europe/Moscow", "20.05.2022 13:16");

        Assert.Equal(new DateTimeOffset(2022, 5, 20, 13, 16, 0, TimeSpan.FromHours(3)), article.Published);
        Assert.Equal(TimeSpan.FromHours(3), article.Published?.Offset);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Timezone_follows_daylight_saving_time()
    {
        var summer = Run("  select: time.pub\n  timezone: America/New_York", "2024-07-01T12:00:00");
        var winter = Run("  select: time.pub\n  timezone: America/New_York", "2024-01-15T12:00:00");

        Assert.Equal(TimeSpan.FromHours(-4), summer.Published?.Offset);
        Assert.Equal(TimeSpan.FromHours(-5), winter.Published?.Offset);
    }

    [Fact]
    public void Unparseable_date_is_null_with_a_warning_quoting_the_value()
    {
        var article = Run("  select: time.pub", "sometime last week");

        Assert.Null(article.Published);
        var warning = Assert.Single(article.Warnings);
        Assert.StartsWith("published:", warning, StringComparison.Ordinal);
        Assert.Contains("sometime last week", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Unparseable_date_warning_lists_the_formats_tried()
    {
        var article = Run("  select: time.pub\n  format: ['dd/MM/yyyy']", "tomorrow");

        var warning = Assert.Single(article.Warnings);
        Assert.Contains("'dd/MM/yyyy'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_without_offset_and_without_timezone_is_utc_with_a_warning()
    {
        var article = Run("  select: time.pub", "2024-05-21T09:41:00");

        Assert.Equal(new DateTimeOffset(2024, 5, 21, 9, 41, 0, TimeSpan.Zero), article.Published);
        var warning = Assert.Single(article.Warnings);
        Assert.StartsWith("published:", warning, StringComparison.Ordinal);
        Assert.Contains("offset", warning, StringComparison.Ordinal);
        Assert.Contains("timezone", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_is_read_from_an_attribute()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(extra: "published: 'time@datetime'"),
            "<html><body><h1>H</h1><time datetime='2024-05-21T09:41:00Z'>Tuesday</time><div class=story><p>Body.</p></div></body></html>");

        Assert.Equal(new DateTimeOffset(2024, 5, 21, 9, 41, 0, TimeSpan.Zero), article.Published);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Pattern_cuts_the_date_out_of_a_sentence()
    {
        var article = Run(
            "  select: time.pub\n  pattern: 'Updated\\s+(\\S+)'",
            "Updated 2024-05-21T09:41:00+02:00 by the desk");

        Assert.Equal(new DateTimeOffset(2024, 5, 21, 9, 41, 0, TimeSpan.FromHours(2)), article.Published);
    }

    [Fact]
    public void Missing_date_warns_that_nothing_matched()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(extra: "published: time.missing"), InlineRule.Page("<p>x</p>"));

        Assert.Null(article.Published);
        var warning = Assert.Single(article.Warnings);
        Assert.Contains("time.missing", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_element_inside_the_body_is_left_out_of_the_body()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(extra: "published: .story time"),
            InlineRule.Page("<time>2024-05-21T09:41:00Z</time><p>Body.</p>"));

        Assert.NotNull(article.Published);
        Assert.Equal("Body.", article.Text);
    }
}
