using System.Text.Json;
using NewsRules.Loading;

namespace NewsRules.Robustness;

/// <summary>
/// Issue 6, point 4: a rule's regex cannot hang a run. Every rule pattern runs with a 1 s
/// timeout per value (RuleChecks.PatternTimeout); a value that times out counts as not
/// matched, adds one warning, and the field tries no further values on that page, so a
/// hostile page with thousands of values costs one second, not thousands.
/// </summary>
public sealed class PatternTimeoutTests
{
    private const string Url = "https://catastrophe.example/news/1";

    // (a+)+$ on "aaa…ab" backtracks through every way of splitting the a's: 2^40 steps.
    private static readonly string Hostile = new string('a', 40) + "b";

    private static string Rule(string extra) =>
        "site: Catastrophe\ndomains: [catastrophe.example]\ntitle: { select: h1, pattern: '(a+)+$' }\nbody: .story\n" + extra + "\n";

    [Fact]
    public void A_catastrophic_title_pattern_times_out_into_a_warning()
    {
        var extractor = RuleLoader.LoadText(Rule("rot: warn"));

        var article = extractor.Extract($"<h1>{Hostile}</h1><div class=story><p>Text.</p></div>", Url);

        Assert.Null(article.Title);
        Assert.Equal("Text.", article.Text);
        var warning = Assert.Single(article.Warnings, w => w.Contains("took longer than 1 s", StringComparison.Ordinal));
        Assert.StartsWith("title: pattern '(a+)+$'", warning, StringComparison.Ordinal);
        Assert.Contains("Simplify the pattern", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void After_one_timeout_a_field_tries_no_more_values_on_the_page()
    {
        var extractor = RuleLoader.LoadText(Rule("fields:\n  Tags: { select: '.tag', pattern: '(a+)+$', many: true }"));
        var tags = string.Concat(Enumerable.Repeat($"<span class=tag>{Hostile}</span>", 30));

        // Thirty values at a second each would be half a minute; one timeout stops the field.
        var article = extractor.Extract($"<h1>plain</h1><div class=story><p>Text.</p></div>{tags}", Url);

        Assert.Empty((IReadOnlyList<string>)article.Fields["Tags"]!);
        Assert.Single(article.Warnings, w => w.StartsWith("Tags: pattern '(a+)+$' took longer than 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_catastrophic_urls_pattern_does_not_claim_the_url()
    {
        var extractor = RuleLoader.LoadText("""
            site: Catastrophe
            domains: [catastrophe.example]
            urls: ['^/(a+)+$']
            title: h1
            body: .story
            """);

        Assert.Equal(-1, extractor.MatchLength(new Uri($"https://catastrophe.example/{Hostile}")));
        Assert.True(extractor.MatchLength(new Uri("https://catastrophe.example/aaaa")) > 0);
    }

    [Fact]
    public void Through_the_command_line_the_warning_is_in_the_article()
    {
        using var scratch = new Cli.Scratch();
        var rule = scratch.Write("catastrophe.yaml", System.Text.Encoding.UTF8.GetBytes(Rule("rot: warn")));
        var page = scratch.Write("page.html", System.Text.Encoding.UTF8.GetBytes($"<h1>{Hostile}</h1><div class=story><p>Text.</p></div>"));

        var result = Cli.Run("extract", page, "--url", Url, "--rule", rule);

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("title").ValueKind);
        Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("took longer than 1 s", StringComparison.Ordinal));
    }
}
