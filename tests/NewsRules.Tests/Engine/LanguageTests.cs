using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

public sealed class LanguageTests
{
    private const string Body = "<body><h1>H</h1><div class=story><p>x</p></div></body></html>";

    [Fact]
    public void Rule_language_wins_over_the_page()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(extra: "language: ar"), "<html lang=en>" + Body);

        Assert.Equal("ar", article.Language);
    }

    [Fact]
    public void Page_html_lang_is_used_when_the_rule_has_none()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(), "<html lang=' fa-IR '>" + Body);

        Assert.Equal("fa-IR", article.Language);
    }

    [Theory]
    [InlineData("<html>")]
    [InlineData("<html lang=''>")]
    [InlineData("<html lang='  '>")]
    public void No_language_anywhere_is_null(string htmlTag)
    {
        var article = InlineRule.Extract(InlineRule.Yaml(), htmlTag + Body);

        Assert.Null(article.Language);
        Assert.Empty(article.Warnings);
    }
}
