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
    [InlineData("title", 85)]
    [InlineData("author", 60)]
    [InlineData("date_published", 50)]
    [InlineData("lead_image_url", 85)]
    [InlineData("content_first_words", 35)]
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

    [Fact]
    public void Generic_only_and_rules_together_are_a_usage_error()
    {
        using var folder = new TempFolder();
        var (exit, _, error) = Cli.Run("conformance", folder.Path, "--generic-only", "--rules", folder.Path);

        Assert.Equal(2, exit);
        Assert.Contains("--generic-only", error);
    }
}
