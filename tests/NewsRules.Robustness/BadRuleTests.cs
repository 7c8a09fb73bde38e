using System.Reflection;
using Microsoft.CodeAnalysis;
using NewsRules.Catalog;
using NewsRules.Output;

namespace NewsRules.Robustness;

/// <summary>
/// Issue 6, point 3: every malformed rule under BadRules/ gives its NR diagnostic at its line
/// and column, through the generator (one run with all of them and every shipped rule, as one
/// build) and through <c>newsrules check</c>; nothing crashes the generator (CS8785) and every
/// shipped rule beside them still compiles and extracts as the catalog does.
/// </summary>
public sealed class BadRuleTests
{
    private static readonly Lazy<GeneratorHarness.Run> Together = new(() =>
        GeneratorHarness.RunOn(BadFiles().Concat(ShippedRules())));

    [Fact]
    public void There_are_at_least_thirty_and_each_file_is_listed()
    {
        var files = BadFiles().Select(Path.GetFileName).ToList();
        Assert.True(BadRuleCases.All.Count >= 30, $"only {BadRuleCases.All.Count} malformed rules");
        Assert.Equal(
            files.OrderBy(f => f, StringComparer.Ordinal),
            BadRuleCases.All.Select(r => r.File).Concat(BadRuleCases.Owners).OrderBy(f => f, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BadRuleCases.Files), MemberType = typeof(BadRuleCases))]
    public void The_build_reports_it_at_its_line_and_column(string file)
    {
        var rule = BadRuleCases.Get(file);
        var run = Together.Value;

        var diagnostics = run.In(rule.Path);
        Assert.Contains(diagnostics, d => d.Id == rule.Id
            && d.Location.GetLineSpan().StartLinePosition.Line + 1 == rule.Line
            && d.Location.GetLineSpan().StartLinePosition.Character + 1 == rule.Column
            && d.GetMessage().Contains(rule.Fix, StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(diagnostics, d => Assert.StartsWith("NR", d.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_crashes_the_generator()
    {
        var run = Together.Value;
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "NR0015");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");
    }

    [Fact]
    public void Every_shipped_rule_beside_them_compiles_and_extracts_as_the_catalog_does()
    {
        var run = Together.Value;
        Assert.Empty(run.CompileErrors);
        foreach (var shipped in ShippedRules())
        {
            Assert.Empty(run.In(shipped));
        }

        var (context, assembly) = GeneratorHarness.Load(run.Output);
        try
        {
            var sites = assembly.GetType($"{GeneratorHarness.TargetNamespace}.Sites", throwOnError: true)!;
            var all = (IReadOnlyList<IArticleExtractor>)sites.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            // Every shipped rule is there (the twins that are valid alone, ClaimA and the like, are too).
            Assert.Subset(all.Select(s => s.Site).ToHashSet(), Sites.All.Select(s => s.Site).ToHashSet());

            foreach (var sample in Repo.Samples)
            {
                var html = File.ReadAllText(sample.Path);
                var built = all.Single(e => e.Site == Sites.ForUrl(sample.Url)!.Site);
                Assert.Equal(ArticleJson.Serialize(Sites.ForUrl(sample.Url)!.Extract(html, sample.Url)), ArticleJson.Serialize(built.Extract(html, sample.Url)));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    [MemberData(nameof(BadRuleCases.Files), MemberType = typeof(BadRuleCases))]
    public void Check_reports_it_at_its_line_and_column(string file)
    {
        var rule = BadRuleCases.Get(file);
        var paths = new List<string> { rule.Path };
        if (file.StartsWith("duplicate-site", StringComparison.Ordinal) || file.StartsWith("duplicate-domain", StringComparison.Ordinal))
        {
            paths.Add(rule.Path.Replace("-b.yaml", "-a.yaml", StringComparison.Ordinal));
        }

        var result = Cli.Run(new[] { "check" }.Concat(paths).ToArray());

        Assert.Equal(NewsRules.Cli.ExitCodes.UsageOrRuleErrors, result.ExitCode);
        var expected = $"{rule.Path}({rule.Line},{rule.Column}): error {rule.Id}: ";
        Assert.Contains(result.Output.Split('\n'), line => line.StartsWith(expected, StringComparison.Ordinal) && line.Contains(rule.Fix, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_over_the_whole_folder_reports_every_file_and_exits_1()
    {
        var result = Cli.Run("check", Repo.BadRules);
        Assert.Equal(NewsRules.Cli.ExitCodes.UsageOrRuleErrors, result.ExitCode);
        foreach (var rule in BadRuleCases.All)
        {
            Assert.Contains($"{rule.Path}({rule.Line},{rule.Column}): error {rule.Id}: ", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains($"{BadFiles().Count()} rule file(s) checked", result.Output, StringComparison.Ordinal);
    }

    private static IEnumerable<string> BadFiles() =>
        Directory.EnumerateFiles(Repo.BadRules, "*.yaml").OrderBy(f => f, StringComparer.Ordinal);

    private static IEnumerable<string> ShippedRules() =>
        Directory.EnumerateFiles(Repo.Rules, "*.yaml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);
}
