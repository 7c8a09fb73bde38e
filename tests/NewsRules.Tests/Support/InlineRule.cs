using NewsRules.Loading;
using NewsRules.Output;

namespace NewsRules.Tests.Support;

/// <summary>Builds extractors from small inline YAML rules and runs them over inline HTML.</summary>
internal static class InlineRule
{
    public const string PageUrl = "https://example.com/news/2024/story.html";

    /// <summary>A minimal valid rule: site, domains, title and body, plus any extra YAML lines.</summary>
    public static string Yaml(string body = ".story", string title = "h1", string extra = "") =>
        $"""
        site: Example
        domains: [example.com]
        title: '{title}'
        body: '{body}'
        {extra}
        """;

    public static InterpretedExtractor Load(string yaml) => RuleLoader.LoadText(yaml);

    /// <summary>
    /// Runs <paramref name="yaml"/> over <paramref name="html"/> at <see cref="PageUrl"/> (or
    /// <paramref name="url"/>) on both engines: loaded at run time and compiled by the source
    /// generator. Their JSON must be identical; the article is the interpreted engine's.
    /// </summary>
    public static Article Extract(string yaml, string html, string url = PageUrl)
    {
        var interpreted = Load(yaml).Extract(html, url);
        var generated = GeneratedRule.For(yaml).Extract(html, url);
        var expected = ArticleJson.Serialize(interpreted);
        var actual = ArticleJson.Serialize(generated);
        if (expected != actual)
        {
            Assert.Fail($"The generated engine's article differs from the interpreted one's.\ninterpreted: {expected}\ngenerated:   {actual}");
        }

        return interpreted;
    }

    /// <summary>Runs the minimal rule (title h1, body .story) over a page whose .story div holds <paramref name="storyHtml"/>.</summary>
    public static Article ExtractStory(string storyHtml, string extraYaml = "") =>
        Extract(Yaml(extra: extraYaml), Page(storyHtml));

    /// <summary>A page with a title and a .story div holding <paramref name="storyHtml"/>.</summary>
    public static string Page(string storyHtml, string head = "", string before = "", string after = "") =>
        $"""
        <!DOCTYPE html>
        <html><head><title>t</title>{head}</head>
        <body><h1>Headline</h1>{before}<div class="story">{storyHtml}</div>{after}</body></html>
        """;

    /// <summary>The body as (kind, text) pairs, for compact assertions.</summary>
    /// <summary>A rule of site Example (title: h1) plus <paramref name="rule"/>'s keys, on a page whose body is a headline and <paramref name="bodyHtml"/>.</summary>
    public static Article ExtractBody(string rule, string bodyHtml) =>
        Extract("site: Example\ndomains: [example.com]\ntitle: h1\n" + rule, $"<html><head></head><body><h1>Headline</h1>{bodyHtml}</body></html>");

    public static (BlockKind Kind, string Text)[] Blocks(Article article) =>
        article.Body.Select(b => (b.Kind, b.Text)).ToArray();
}
