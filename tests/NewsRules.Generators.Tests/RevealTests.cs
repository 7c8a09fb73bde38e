using NewsRules.Loading;
using NewsRules.Output;

namespace NewsRules.Generators.Tests;

/// <summary>
/// <c>reveal</c> (issue 23): the rules generated, compiled and loaded once; each page runs
/// through the generated extractor and through the same YAML loaded at run time, which must
/// give the same JSON.
/// </summary>
public sealed class RevealFixture : IDisposable
{
    internal static readonly RuleFile[] Rules =
    {
        // A paywall block marked hidden inside the body, revealed; a long form with a text test.
        RuleFile.Named("reveal.example", RuleText.Lines(
            "site: Reveal",
            "domains: [reveal.example]",
            "title: h1",
            "body: .story",
            "reveal: ['.paywall', { select: '.later', text: 'streamed' }]")),

        // The same page without reveal: the hidden block stays out.
        RuleFile.Named("plain.example", RuleText.Lines(
            "site: Plain",
            "domains: [plain.example]",
            "title: h1",
            "body: .story")),
    };

    public RevealFixture()
    {
        var run = GeneratorHarness.Run(Rules);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Sources = run.Sources;
        Assembly = GeneratedAssembly.Load(run.Output);
    }

    internal GeneratedAssembly Assembly { get; }

    internal IReadOnlyDictionary<string, string> Sources { get; }

    public void Dispose() => Assembly.Dispose();
}

public sealed class RevealTests : IClassFixture<RevealFixture>
{
    private const string Page = """
        <html><body><h1>Title</h1>
        <div class="story">
          <p>First, visible paragraph.</p>
          <div class="paywall" hidden>
            <p>Second paragraph, behind the paywall.</p>
            <h3>A sub-heading</h3>
            <p>Third paragraph.<script>var x = "never text";</script></p>
            <form hidden><p>Sign in to read on</p></form>
          </div>
          <div class="later" style="display: none"><p>A streamed paragraph.</p></div>
          <div class="later" style="display:none"><p>Another hidden block.</p></div>
          <div class="menu" hidden><p>Menu</p></div>
          <p>Last, visible paragraph.</p>
        </div>
        <div class="paywall" hidden><p>Outside the body.</p></div>
        </body></html>
        """;

    private readonly RevealFixture fixture;

    public RevealTests(RevealFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Revealed_hidden_blocks_are_read_in_page_order_inside_the_body_only()
    {
        var article = Extract("https://reveal.example/n/1", Page);

        Assert.Equal(
            new[]
            {
                (BlockKind.Paragraph, "First, visible paragraph."),
                (BlockKind.Paragraph, "Second paragraph, behind the paywall."),
                (BlockKind.Heading, "A sub-heading"),
                (BlockKind.Paragraph, "Third paragraph."),
                (BlockKind.Paragraph, "A streamed paragraph."),
                (BlockKind.Paragraph, "Last, visible paragraph."),
            },
            article.Body.Select(b => (b.Kind, b.Text)));
    }

    [Fact]
    public void Without_reveal_the_hidden_blocks_stay_out()
    {
        var article = Extract("https://plain.example/n/1", Page);

        Assert.Equal(
            new[] { "First, visible paragraph.", "Last, visible paragraph." },
            article.Body.Select(b => b.Text));
    }

    [Fact]
    public void Reveal_is_emitted_as_a_named_argument_only_when_the_rule_has_it()
    {
        var reveal = fixture.Sources["Reveal.g.cs"];
        Assert.Contains("reveal: new global::NewsRules.Engine.Selector[]", reveal, StringComparison.Ordinal);
        Assert.Contains("new global::NewsRules.Engine.Selector(\".paywall\")", reveal, StringComparison.Ordinal);
        Assert.DoesNotContain("reveal:", fixture.Sources["Plain.g.cs"], StringComparison.Ordinal);
    }

    /// <summary>The page through the generated extractor and through the interpreted rule: the same JSON, and the article.</summary>
    private Article Extract(string url, string html)
    {
        var generated = fixture.Assembly.ForUrl(url);
        Assert.NotNull(generated);
        var host = new Uri(url).Host;
        var rule = RevealFixture.Rules.Single(r => r.Path.Contains($"/{host}/", StringComparison.Ordinal));
        var interpreted = RuleLoader.LoadText(rule.Yaml, rule.Path);

        var fromGenerated = generated.Extract(html, url);
        var fromInterpreted = interpreted.Extract(html, url);

        Assert.Equal(ArticleJson.Serialize(fromGenerated), ArticleJson.Serialize(fromInterpreted));
        return fromGenerated;
    }
}
