using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace NewsRules.Generators.Tests;

/// <summary>Every broken rule is a compile error at its YAML line and column, saying how to fix it.</summary>
public sealed class DiagnosticsTests
{
    public static TheoryData<string> BrokenRuleNames()
    {
        var names = new TheoryData<string>();
        foreach (var rule in BrokenRules.All)
        {
            names.Add(rule.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(BrokenRuleNames))]
    public void Broken_rule_is_reported_at_its_line_and_column(string name)
    {
        var rule = BrokenRules.All.Single(r => r.Name == name);

        var run = GeneratorHarness.Run(rule.File);

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, rule.Id, rule.Path, rule.Line, rule.Column, rule.Fix);
        // Only the registry and, when the rule has a usable site name, its stand-in types.
        Assert.All(run.Sources.Keys, hint => Assert.Contains(hint, new[] { "Sites.g.cs", "Example.g.cs" }));
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Duplicate_site_is_reported_in_the_second_file_by_ordinal_path()
    {
        var files = BrokenRules.DuplicateSite();

        var run = GeneratorHarness.Run(files);

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "NR0007", "/rules/dup-site/a.yaml", 1, 7, "already the name of the rule in DupOwner.yaml");
        Assert.Contains("each rule needs its own site name", diagnostic.GetMessage());

        // The owner's extractor is still emitted, once.
        Assert.Contains("dup-b.example", run.Sources["Dup.g.cs"]);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Duplicate_domain_is_reported_in_the_second_file_by_ordinal_path()
    {
        var files = BrokenRules.DuplicateDomain();

        var run = GeneratorHarness.Run(files);

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "NR0008", "/rules/dup-domain/second.yaml", 2, 11, "already claimed by FirstClaim in first.yaml");
        Assert.Contains("Serve both layouts from that rule (selectors take a list of alternatives), or claim a more specific subdomain", diagnostic.GetMessage());
        // Two rules of one domain stay an error whatever their 'urls' say, so the message must not suggest them.
        Assert.DoesNotContain("urls", diagnostic.GetMessage());
    }

    [Fact]
    public void File_over_the_size_limit_is_refused_at_its_start()
    {
        var file = BrokenRules.Oversized();

        var run = GeneratorHarness.Run(file);

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "NR0014", file.Path, 1, 1, "the limit is 1,000,000");
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var file = BrokenRules.DeeplyNested();

        var run = GeneratorHarness.Run(file);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("NR0014", diagnostic.Id);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("nests deeper than 64 levels", diagnostic.GetMessage());
    }

    [Fact]
    public void Alias_bomb_is_read_without_expanding_it()
    {
        var file = BrokenRules.AliasBomb();
        var clock = Stopwatch.StartNew();

        var run = GeneratorHarness.Run(file);

        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The alias bomb took {clock.Elapsed}.");
        Assert.Null(run.Result.Exception);

        // Each of the nine junk items is a list, not a selector: nine errors, one per line 6..14.
        Assert.All(run.Diagnostics, d => Assert.Equal("NR0009", d.Id));
        Assert.Equal(
            Enumerable.Range(6, 9),
            run.Diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l));
        Assert.All(run.Diagnostics, d => Assert.Contains("junk: each item must be a string, not a list", d.GetMessage()));
    }

    [Fact]
    public void Cyclic_alias_is_read_without_looping()
    {
        var file = BrokenRules.CyclicAlias();

        var run = GeneratorHarness.Run(file);

        // The alias is the list itself, so the error points at the anchored list, not at '*loop'.
        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "NR0009", file.Path, 5, 7, "junk: each item must be a string, not a list");
    }

    [Fact]
    public void Byte_order_mark_at_the_start_is_accepted()
    {
        var run = GeneratorHarness.Run(RuleFile.Named("bom", "\uFEFF" + RuleText.Minimal));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Example.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Byte_order_mark_does_not_shift_reported_columns()
    {
        var run = GeneratorHarness.Run(RuleFile.Named("bom", "\uFEFF" + RuleText.Minimal.Replace("site: Example", "site: rt-arabic")));

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "NR0006", "/rules/bom/bom.yaml", 1, 7, "e.g. 'RtArabic'");
    }

    [Fact]
    public void Comment_only_file_is_reported_as_empty()
    {
        var run = GeneratorHarness.Run(RuleFile.Named("comments", "# TODO: write the rule\n"));

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "NR0005", "/rules/comments/comments.yaml", 1, 1, "The rule file is empty");
    }

    [Fact]
    public void Every_diagnostic_id_has_its_own_descriptor()
    {
        var ids = typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .Select(d => d.Id)
            .ToList();
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), DiagnosticDescriptors.All.Select(d => d.Id));

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        foreach (var id in ids)
        {
            Assert.Equal(id, DiagnosticDescriptors.For(id).Id);
        }

        Assert.Equal(Enumerable.Range(1, 18).Select(i => $"NR{i:D4}"), ids.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_code_has_a_help_link_to_its_entry_in_the_diagnostics_page()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Equal($"{DiagnosticDescriptors.HelpPage}#{descriptor.Id.ToLowerInvariant()}", descriptor.HelpLinkUri);
            // "### NR0003" gives the anchor #nr0003; under it, the title, the cause and the fix.
            var at = page.IndexOf($"\n### {descriptor.Id}\n", StringComparison.Ordinal);
            Assert.True(at >= 0, $"docs/diagnostics.md has no '### {descriptor.Id}' heading.");
            var entry = page.Substring(at + 1);
            var next = entry.IndexOf("\n### ", StringComparison.Ordinal);
            entry = next < 0 ? entry : entry.Substring(0, next);
            Assert.Contains($"**{descriptor.Title}**", entry, StringComparison.Ordinal);
            Assert.Contains("Cause:", entry, StringComparison.Ordinal);
            Assert.Contains("Fix:", entry, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Analyzer_release_file_lists_every_code_with_its_title()
    {
        var releases = File.ReadAllText(Path.Combine(RepositoryRoot(), "generators", "NewsRules.Generators", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepositoryRoot(), "generators", "NewsRules.Generators", "AnalyzerReleases.Shipped.md"));

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Contains($"{descriptor.Id} | NewsRules | Error | {descriptor.Title}", releases, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsRules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (NewsRules.sln) was not found above the test's folder.");
    }

    internal static void AssertDiagnostic(Diagnostic diagnostic, string id, string path, int line, int column, string fix)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = $"{diagnostic.Id} at {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage()}";
        Assert.True(id == diagnostic.Id, $"Expected {id}, got {where}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(path == span.Path, $"Expected it in {path}, got {where}");
        Assert.True(line == span.StartLinePosition.Line + 1 && column == span.StartLinePosition.Character + 1, $"Expected ({line},{column}), got {where}");
        Assert.Contains(fix, diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
