using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsRules.Generic.Tests;

/// <summary>
/// The generic extractor on pages it was never tuned on: Mercury Parser's fixture pages (78 news
/// sites, mostly English and Japanese), through <c>newsrules conformance --generic-only</c>, as
/// if no rule existed. Its conventions are not trafilatura's (the body starts after the dek, the
/// title is often the &lt;title&gt;), so the bars sit below the rules' 97% and hold what the
/// fallback reached on them: a fall says a change overfitted the trafilatura set.
/// </summary>
public sealed class MercuryGenericTests
{
    private static readonly Lazy<(int Exit, string Output, string Error)> Run =
        new(() => Cli.Run("conformance", Corpus.Path("mercury-dev"), "--generic-only"));

    [CorpusTheory("mercury-dev")]
    [InlineData("title", 88)]
    [InlineData("author", 75)]
    [InlineData("date_published", 50)]
    [InlineData("lead_image_url", 85)]
    [InlineData("content_first_words", 40)]
    public void The_fallback_gets_most_fields_of_pages_it_was_not_tuned_on(string field, int percent)
    {
        var (exit, report, error) = Run.Value;

        Assert.True(exit == 0, $"Some cases errored:\n{report}\n{error}");
        var line = Regex.Match(report, $@"^{field}\s+(\d+) / (\d+)\s*$", RegexOptions.Multiline);
        Assert.True(line.Success, $"No summary line for {field}:\n{report}");
        var passed = int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture);
        var total = int.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(total >= 50, $"Only {total} {field} assertions ran.");
        Assert.True(100.0 * passed / total >= percent, $"{field}: {passed}/{total} is below {percent}%.\n{report}");
    }

    [CorpusFact("mercury-dev")]
    public void The_fallback_body_agrees_with_the_site_rules_bodies()
    {
        // The corpus asserts only a body's first words; the site rules' whole bodies are the
        // reference here (0.950 when this bar was set; pages the rule reads as under 30 words are left out).
        var (_, report, _) = Run.Value;

        var line = Regex.Match(report, @"^body words against the site rules' bodies, (\d+) pages: precision ([\d.]+), recall ([\d.]+), F1 ([\d.]+)$", RegexOptions.Multiline);
        Assert.True(line.Success, $"No body agreement line:\n{report}");
        Assert.True(int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) >= 80, line.Value);
        Assert.True(double.Parse(line.Groups[4].Value, CultureInfo.InvariantCulture) >= 0.94, line.Value);
        Assert.True(double.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture) >= 0.96, line.Value);
    }

    [Fact]
    public void Body_agreement_counts_words_and_each_japanese_character()
    {
        var words = NewsRules.Cli.Conformance.BodyAgreement.Words("The council, the bridge: 橋を架ける");

        Assert.Equal(2, words["the"]);
        Assert.Equal(1, words["council"]);
        Assert.Equal(1, words["橋"]);
        Assert.Equal(1, words["を"]);
        Assert.False(words.ContainsKey("橋を架ける"));
    }

    [Fact]
    public void Generic_only_and_rules_together_are_a_usage_error()
    {
        using var folder = new TempFolder();
        var (exit, _, error) = Cli.Run("conformance", folder.Path, "--generic-only", "--rules", folder.Path);

        Assert.Equal(2, exit);
        Assert.Contains("--generic-only", error);
    }
}
