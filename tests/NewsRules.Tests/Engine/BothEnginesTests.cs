using NewsRules.Loading;
using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>
/// The engine tests run every inline rule on both engines (<see cref="InlineRule.Extract"/>):
/// these check that the second one really is the generator's code.
/// </summary>
public sealed class BothEnginesTests
{
    [Fact]
    public void Generated_engine_is_the_generators_extractor_type_not_the_interpreted_one()
    {
        var yaml = InlineRule.Yaml(extra: "fields:\n  Kicker: .kicker");

        var generated = GeneratedRule.For(yaml);

        Assert.IsNotType<InterpretedExtractor>(generated);
        Assert.Equal("ExampleExtractor", generated.GetType().Name);
        Assert.Equal("NewsRules.Generated", generated.GetType().Namespace);
        Assert.Same(generated, GeneratedRule.For(yaml));
    }

    [Fact]
    public void Generated_article_has_the_rules_custom_field_as_a_typed_property()
    {
        var yaml = InlineRule.Yaml(extra: "fields:\n  Kicker: .kicker");

        var article = GeneratedRule.For(yaml).Extract(InlineRule.Page("<p>Text.</p>", before: "<p class=kicker>Breaking</p>"), InlineRule.PageUrl);

        Assert.Equal("ExampleArticle", article.GetType().Name);
        Assert.Equal("Breaking", article.GetType().GetProperty("Kicker")!.GetValue(article));
        Assert.Equal("Breaking", InlineRule.Extract(yaml, InlineRule.Page("<p>Text.</p>", before: "<p class=kicker>Breaking</p>")).Fields["Kicker"]);
    }
}
