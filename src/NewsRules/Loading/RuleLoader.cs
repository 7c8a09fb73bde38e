using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NewsRules.Rules.Definition;

namespace NewsRules.Loading;

/// <summary>
/// Loads YAML rules at run time, without a rebuild, through the same reader and validator the
/// source generator uses: the same rule gives the same errors and, run, the same output.
/// </summary>
public static class RuleLoader
{
    /// <summary>Checks a rule file and returns its problems (empty when it is valid).</summary>
    public static IReadOnlyList<RuleProblem> Check(string path) => Read(path).Diagnostics.Select(ToProblem).ToList();

    /// <summary>
    /// Checks rule files together, as one build would: each file's problems, then site names
    /// and domains claimed twice. Returns every problem, ordered by file, line and column.
    /// </summary>
    public static IReadOnlyList<RuleProblem> Check(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = paths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).Select(Read).ToList();
        var diagnostics = results.SelectMany(r => r.Diagnostics).ToList();
        diagnostics.AddRange(RuleSetChecks.Duplicates(results.Where(r => r.Claims is not null).Select(r => r.Claims!)));
        return diagnostics
            .Select(ToProblem)
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ThenBy(p => p.Line)
            .ThenBy(p => p.Column)
            .ToList();
    }

    /// <summary>The rule files below a folder (<c>*.yaml</c>, <c>*.yml</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> FindRuleFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>Loads one rule file; throws <see cref="RuleLoadException"/> listing every problem.</summary>
    public static InterpretedExtractor LoadFile(string path)
    {
        var result = Read(path);
        ThrowIfErrors(result.Diagnostics);
        return new InterpretedExtractor(RuleCompiler.Compile(result.Model!), path);
    }

    /// <summary>Loads a rule from YAML text; <paramref name="path"/> names it in messages.</summary>
    public static InterpretedExtractor LoadText(string yaml, string path = "rule.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var result = RuleReader.Parse(path, yaml);
        ThrowIfErrors(result.Diagnostics);
        return new InterpretedExtractor(RuleCompiler.Compile(result.Model!), path);
    }

    /// <summary>
    /// Loads every <c>*.yaml</c>/<c>*.yml</c> below a folder. Also checks that no two rules share
    /// a site name or a domain. Throws <see cref="RuleLoadException"/> listing every problem of every file.
    /// </summary>
    public static IReadOnlyList<InterpretedExtractor> LoadDirectory(string directory)
    {
        var results = FindRuleFiles(directory).Select(Read).ToList();
        var diagnostics = results.SelectMany(r => r.Diagnostics).ToList();
        diagnostics.AddRange(RuleSetChecks.Duplicates(results.Where(r => r.Claims is not null).Select(r => r.Claims!)));
        ThrowIfErrors(diagnostics);
        return results.Select(r => new InterpretedExtractor(RuleCompiler.Compile(r.Model!), r.Path)).ToList();
    }

    private static RuleParseResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = ReadText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            var message = ex is DecoderFallbackException
                ? "The rule file is not valid UTF-8; save it as UTF-8."
                : $"The rule file cannot be read: {ex.Message}";
            return new RuleParseResult(
                path,
                null,
                new EquatableArray<RuleDiagnostic>(new[] { new RuleDiagnostic(RuleDiagnosticIds.YamlSyntax, RuleSeverity.Error, message, RuleLocation.FileStart(path)) }),
                null);
        }

        return RuleReader.Parse(path, text);
    }

    // Strict UTF-8 (a BOM is fine): a rule saved in another encoding is an error, not mojibake selectors.
    private static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return encoding.GetString(bytes, start, bytes.Length - start);
    }

    private static void ThrowIfErrors(IEnumerable<RuleDiagnostic> diagnostics)
    {
        var problems = diagnostics.Select(ToProblem).ToList();
        if (problems.Any(p => p.IsError))
        {
            throw new RuleLoadException(problems);
        }
    }

    private static RuleProblem ToProblem(RuleDiagnostic diagnostic) => new(
        diagnostic.Id,
        diagnostic.Severity == RuleSeverity.Error,
        diagnostic.Message,
        diagnostic.Location.Path,
        diagnostic.Location.StartLine + 1,
        diagnostic.Location.StartColumn + 1);
}
