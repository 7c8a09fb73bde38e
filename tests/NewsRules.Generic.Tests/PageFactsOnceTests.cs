using NewsRules.Html;
using NewsRules.Output;

namespace NewsRules.Generic.Tests;

/// <summary>
/// Page facts are read once per document: the generic extractor reads its article from the
/// choices it is given (or reads them itself), changes none of them, and the explanation shows
/// the run's own choices.
/// </summary>
public sealed class PageFactsOnceTests
{
    private static readonly Uri Url = new("https://www.example.com/news/1");

    private static readonly string Html = Page.Html(
        "<meta property=\"og:title\" content=\"Meta headline\">",
        $"<nav><a href=\"/a\">Home</a> <a href=\"/b\">World</a></nav><h1>Headline</h1><article><p>{Page.Prose("Story")}</p><figure><figcaption>A wall.</figcaption></figure></article>");

    [Fact]
    public void The_article_read_from_given_choices_is_the_article_read_alone_and_the_choices_stay_as_they_were()
    {
        var document = HtmlDocuments.Parse(Html);
        var choices = GenericChoices.Of(document, Url);
        var sources = choices.Metadata.Sources.ToDictionary(p => p.Key, p => p.Value);
        var excluded = choices.Content!.Excluded.Count;

        var shared = GenericExtractor.Run(document, Url, choices: choices);
        var alone = GenericExtractor.Instance.Extract(HtmlDocuments.Parse(Html), Url);

        Assert.Equal(ArticleJson.Serialize(alone), ArticleJson.Serialize(shared.Article));
        Assert.Same(choices, shared.Choices);
        Assert.Equal("content scoring", shared.Sources["body"]);
        Assert.Equal(sources, choices.Metadata.Sources);
        Assert.Equal(excluded, choices.Content.Excluded.Count);
    }

    [Fact]
    public void The_explanation_names_the_containers_of_the_run_it_explains()
    {
        var document = HtmlDocuments.Parse(Html);
        var result = GenericExtractor.Run(document, Url);

        var text = GenericExtractor.Explain(result, Url);

        Assert.StartsWith("generic fallback on www.example.com\n  title: ", text, StringComparison.Ordinal);
        Assert.Contains("  body: content scoring\n", text, StringComparison.Ordinal);
        Assert.Contains("  body container: " + result.Choices.Content!.Containers[0].LocalName, text, StringComparison.Ordinal);
    }
}
