namespace NewsRules.Generic.Tests;

/// <summary>
/// The generic extractor on trafilatura's evaluation set (990 real pages, ../shared/corpus):
/// the bars below are what the extractor reaches today (body F1 0.937, title 87.3%, author 66.7%, date 83.5%), so
/// that a change that makes it worse fails. The issue's body target (F1 ≥ 0.93) is the body's floor;
/// its title target (95%) is higher than the extractor reaches; docs/fallback.md says where it stands.
/// </summary>
public sealed class TrafilaturaEvalTests
{
    private const double F1Bar = 0.93;
    private const double PrecisionBar = 0.915;
    private const double RecallBar = 0.945;
    private const double TitleBar = 87.0;
    private const double AuthorBar = 66.0;
    private const double DateBar = 83.0;

    // One run serves every test: it reads 990 pages.
    private static readonly Lazy<(int Exit, string Output, string Error)> Run = new(() =>
        Cli.Run("evaluate", Corpus.Path("trafilatura-eval"), "--generic-only"));

    [CorpusFact("trafilatura-eval")]
    public void Body_F1_precision_and_recall_hold_the_bar()
    {
        var (exit, output, error) = Run.Value;

        Assert.True(exit == 0, $"Some pages errored:\n{error}");
        Assert.Contains("pages: 990 ", output);
        var f1 = EvaluateCommandTests.Number(output, "F1");
        Assert.True(f1 >= F1Bar, $"Body F1 {f1:0.000} is below the bar {F1Bar:0.000}:\n{output}");
        Assert.True(EvaluateCommandTests.Number(output, "precision") >= PrecisionBar, output);
        Assert.True(EvaluateCommandTests.Number(output, "recall") >= RecallBar, output);
    }

    [CorpusTheory("trafilatura-eval")]
    [InlineData("title", TitleBar)]
    [InlineData("author", AuthorBar)]
    [InlineData("date", DateBar)]
    public void Metadata_accuracy_holds_the_bar(string field, double bar)
    {
        var (_, output, _) = Run.Value;

        var match = System.Text.RegularExpressions.Regex.Match(output, field + @": \d+/\d+ exact \((\d+\.\d)%\)");
        Assert.True(match.Success, output);
        var percent = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(percent >= bar, $"{field} accuracy {percent}% is below the bar {bar}%:\n{output}");
    }
}
