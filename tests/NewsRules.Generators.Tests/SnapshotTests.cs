using System.Text;
using NewsRules.Testing;

namespace NewsRules.Generators.Tests;

/// <summary>
/// Pins what the generator emits for a set of test rules, one <c>.verified.cs</c> per hint name,
/// and the diagnostics of broken rules (id, message, file, line, column) as a text snapshot.
/// A change to the emitter or the reader shows up here as a diff; accept it with
/// <c>NEWSRULES_ACCEPT=1 dotnet test</c> after review.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly string Root = Path.Combine(FindProjectDirectory(), "Snapshots");

    public static TheoryData<string> HintNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Generate().Sources.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HintNames))]
    public void Emitted_source_matches_its_snapshot(string hintName)
    {
        var source = Generate().Sources[hintName];

        Snapshot.Verify(source, Path.Combine(Root, "Emitted", Path.GetFileNameWithoutExtension(hintName) + ".verified.cs"));
    }

    [Fact]
    public void Emitted_sources_compile_without_errors()
    {
        Assert.Empty(Generate().CompileErrors);
    }

    [Fact]
    public void Every_verified_source_still_has_a_hint_name()
    {
        var expected = Generate().Sources.Keys.Select(k => Path.GetFileNameWithoutExtension(k) + ".verified.cs").ToHashSet();
        var stale = Directory.EnumerateFiles(Path.Combine(Root, "Emitted"), "*.verified.cs").Select(Path.GetFileName).Where(f => !expected.Contains(f!)).ToList();
        Assert.True(stale.Count == 0, $"Snapshots with no generated source any more (delete them): {string.Join(", ", stale)}");
    }

    [Fact]
    public void Diagnostics_of_broken_rules_match_their_snapshot()
    {
        var rules = Files("Broken").Concat(Files("Rules")).ToArray();
        var run = GeneratorHarness.Run(rules);

        var text = new StringBuilder();
        foreach (var diagnostic in run.Diagnostics
            .Where(d => d.Id.StartsWith("NR", StringComparison.Ordinal))
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition))
        {
            var span = diagnostic.Location.GetLineSpan();
            text.Append(span.Path).Append('(')
                .Append(span.StartLinePosition.Line + 1).Append(',').Append(span.StartLinePosition.Character + 1).Append("): ")
                .Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(' ').Append(diagnostic.Id).Append(": ")
                .Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        Assert.Null(run.Result.Exception);
        Snapshot.Verify(text.ToString(), Path.Combine(Root, "Broken", "diagnostics.verified.txt"));
    }

    private static GeneratorRun Generate() => GeneratorHarness.Run(Files("Rules").ToArray());

    private static IEnumerable<RuleFile> Files(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.yaml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new RuleFile($"/{folder.ToLowerInvariant()}/{Path.GetFileName(f)}", File.ReadAllText(f)));

    private static string FindProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsRules.Generators.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("NewsRules.Generators.Tests.csproj not found above the test assembly.");
    }
}
