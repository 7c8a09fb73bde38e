using Microsoft.CodeAnalysis;

namespace NewsRules.Generators.Tests;

/// <summary>
/// The generator never throws: an escaping exception becomes CS8785 and silently drops every
/// rule's output. Broken rules cost their own output, never the others'.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly RuleFile Healthy = new("/rules/healthy.example/healthy.example.yaml", RuleText.Valid("Healthy", "healthy.example"));

    [Fact]
    public void Every_broken_rule_at_once_does_not_throw()
    {
        var run = GeneratorHarness.Run(BrokenRules.EveryFile().Append(Healthy).ToArray());

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "NR0015");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");
    }

    [Fact]
    public void Every_broken_rule_still_reports_its_own_diagnostic_when_run_together()
    {
        var run = GeneratorHarness.Run(BrokenRules.EveryFile().Append(Healthy).ToArray());

        foreach (var rule in BrokenRules.All)
        {
            Assert.Contains(
                run.DiagnosticsIn(rule.Path),
                d => d.Id == rule.Id
                    && d.Location.GetLineSpan().StartLinePosition.Line + 1 == rule.Line
                    && d.Location.GetLineSpan().StartLinePosition.Character + 1 == rule.Column);
        }

        Assert.Contains(run.Diagnostics, d => d.Id == "NR0007");
        Assert.Contains(run.Diagnostics, d => d.Id == "NR0008");
        Assert.Contains(run.DiagnosticsIn(BrokenRules.Oversized().Path), d => d.Id == "NR0014");
        Assert.Empty(run.DiagnosticsIn(Healthy.Path));
    }

    [Fact]
    public void Valid_rule_next_to_broken_ones_is_emitted_and_registered()
    {
        var run = GeneratorHarness.Run(BrokenRules.EveryFile().Append(Healthy).ToArray());

        Assert.Contains("Healthy.g.cs", run.Sources.Keys);
        Assert.Contains("public static HealthyExtractor Healthy => global::Test.Sites.HealthyExtractor.Shared;", run.Sources["Sites.g.cs"]);
        Assert.Empty(run.CompileErrors);

        using var assembly = GeneratedAssembly.Load(run.Output);
        var all = (IReadOnlyList<IArticleExtractor>)assembly.SitesMember("All");
        Assert.Contains(all, e => e.Site == "Healthy");
        Assert.Equal("Healthy", assembly.ForUrl("https://healthy.example/story")?.Site);
    }

    [Fact]
    public void File_whose_text_cannot_be_read_is_a_diagnostic()
    {
        var unreadable = new UnreadableText("/rules/unreadable/unreadable.yaml");
        var driver = GeneratorHarness.Driver(new AdditionalText[] { unreadable, Healthy.ToAdditionalText() });

        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out _, out var diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        DiagnosticsTests.AssertDiagnostic(diagnostic, "NR0001", unreadable.Path, 1, 1, "save it as UTF-8");
        Assert.Contains(driver.GetRunResult().Results[0].GeneratedSources, s => s.HintName == "Healthy.g.cs");
    }

    [Fact]
    public void Failure_inside_reading_a_file_is_reported_not_thrown()
    {
        var throwing = new ThrowingText("/rules/throwing/throwing.yaml");
        var driver = GeneratorHarness.Driver(new AdditionalText[] { throwing, Healthy.ToAdditionalText() });

        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out _, out var diagnostics);

        var result = driver.GetRunResult().Results[0];
        Assert.Null(result.Exception);
        var diagnostic = Assert.Single(diagnostics);
        DiagnosticsTests.AssertDiagnostic(diagnostic, "NR0015", throwing.Path, 1, 1, "Please report it with the rule file");
        Assert.Contains("IOException", diagnostic.GetMessage());
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Healthy.g.cs");
    }

    [Fact]
    public void Cancellation_while_reading_is_passed_on_not_reported()
    {
        using var build = new System.Threading.CancellationTokenSource();
        var cancelling = new CancellingText("/rules/cancelled/cancelled.yaml", build);
        var driver = GeneratorHarness.Driver(new AdditionalText[] { cancelling, Healthy.ToAdditionalText() });

        // Turned into an NR0015 diagnostic instead, the cancellation would be cached as a result.
        Assert.ThrowsAny<OperationCanceledException>(() =>
            driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out _, out _, build.Token));
    }

    /// <summary>A file the compiler could not decode: GetText returns null.</summary>
    private sealed class UnreadableText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) => null;
    }

    /// <summary>A file whose reading is where the build gets cancelled (the user typed again).</summary>
    private sealed class CancellingText(string path, System.Threading.CancellationTokenSource build) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText? GetText(System.Threading.CancellationToken cancellationToken = default)
        {
            build.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
    }

    /// <summary>A file whose reading fails (a disk error, say).</summary>
    private sealed class ThrowingText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) =>
            throw new IOException("The disk is on fire.");
    }
}
