using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NewsRules.Catalog;
using NewsRules.Loading;

namespace NewsRules.Cli;

/// <summary>The rules a verb runs, and the line that tells the user where they came from.</summary>
internal sealed record RuleSet(IReadOnlyList<IArticleExtractor> Extractors, string Description, string? Directory);

/// <summary>
/// Which rules a verb runs, so that in the user's own repository it runs the user's rules:
/// <c>--rules DIR</c>; else the <c>NewsRulesDirectory</c> of the project file in the current
/// folder; else the nearest <c>rules/</c> folder at or above it; else, said on stderr, the rules
/// built into the command line. Folders are loaded at run time (no rebuild needed after an edit).
/// </summary>
internal static class ProjectRules
{
    /// <summary>The option every verb that runs rules has.</summary>
    public const string OptionDescription =
        "The rules folder (every *.yaml below it, loaded at run time). Default: the NewsRulesDirectory of the project file in the current folder, "
        + "else the nearest 'rules' folder at or above it, else the rules built into newsrules.";

    private static readonly Regex DirectoryProperty = new(@"<NewsRulesDirectory(?:\s[^>]*)?>\s*([^<]*?)\s*</NewsRulesDirectory>", RegexOptions.CultureInvariant);

    // One load per folder and content: tests run many verbs in one process.
    private static readonly ConcurrentDictionary<string, (string Fingerprint, IReadOnlyList<IArticleExtractor> Rules)> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// The rules folder to use, and why (for the stderr line), or null when there is none.
    /// Throws <see cref="DirectoryNotFoundException"/> when <paramref name="option"/> or a
    /// project's NewsRulesDirectory names a folder that does not exist.
    /// </summary>
    public static (string Directory, string Reason)? FindDirectory(DirectoryInfo? option, string currentDirectory)
    {
        if (option is not null)
        {
            return option.Exists
                ? (option.FullName, "--rules")
                : throw new DirectoryNotFoundException($"the rules folder '{option.FullName}' (--rules) does not exist.");
        }

        foreach (var project in Directory.EnumerateFiles(currentDirectory, "*.csproj").OrderBy(p => p, StringComparer.Ordinal))
        {
            var match = DirectoryProperty.Match(File.ReadAllText(project));
            if (!match.Success || match.Groups[1].Value.Length == 0)
            {
                continue;
            }

            var value = match.Groups[1].Value
                .Replace("$(MSBuildProjectDirectory)", currentDirectory, StringComparison.OrdinalIgnoreCase)
                .Replace("$(MSBuildThisFileDirectory)", currentDirectory + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
                .Replace('\\', Path.DirectorySeparatorChar);
            var folder = Path.GetFullPath(Path.Combine(currentDirectory, value));
            return Directory.Exists(folder)
                ? (folder, $"NewsRulesDirectory of {Path.GetFileName(project)}")
                : throw new DirectoryNotFoundException($"{Path.GetFileName(project)} sets NewsRulesDirectory to '{match.Groups[1].Value}', but '{folder}' does not exist.");
        }

        for (var folder = new DirectoryInfo(currentDirectory); folder is not null; folder = folder.Parent)
        {
            var rules = Path.Combine(folder.FullName, "rules");
            if (Directory.Exists(rules))
            {
                return (rules, "the nearest rules folder");
            }
        }

        return null;
    }

    /// <summary>
    /// The rules to run. Throws <see cref="DirectoryNotFoundException"/> for a folder that does not
    /// exist and <see cref="RuleLoadException"/> when a rule file in the folder has errors.
    /// </summary>
    public static RuleSet Resolve(DirectoryInfo? option, string currentDirectory)
    {
        var found = FindDirectory(option, currentDirectory);
        if (found is not { } place)
        {
            return new RuleSet(
                Sites.All,
                $"no rules folder here or above, and no NewsRulesDirectory in a project file here: using the {Sites.All.Count} rules built into newsrules (pass --rules <folder> for yours)",
                null);
        }

        var files = RuleLoader.FindRuleFiles(place.Directory);
        var fingerprint = string.Join("\n", files.Select(f => $"{f}\t{new FileInfo(f).Length}\t{File.GetLastWriteTimeUtc(f).Ticks}"));
        IReadOnlyList<IArticleExtractor> rules;
        if (Loaded.TryGetValue(place.Directory, out var cached) && cached.Fingerprint == fingerprint)
        {
            rules = cached.Rules;
        }
        else
        {
            rules = RuleLoader.LoadDirectory(place.Directory);
            Loaded[place.Directory] = (fingerprint, rules);
        }

        var shown = Path.GetRelativePath(currentDirectory, place.Directory);
        var count = rules.Count == 1 ? "1 rule" : $"{rules.Count} rules";
        return new RuleSet(rules, $"{count} from {shown}{Path.DirectorySeparatorChar} ({place.Reason})", place.Directory);
    }

    /// <summary>
    /// Resolves the rules and writes where they came from to <paramref name="error"/>; on failure
    /// writes why and returns null with the exit code to give.
    /// </summary>
    public static RuleSet? ResolveAndSay(DirectoryInfo? option, TextWriter error, out int exitCode)
    {
        exitCode = 0;
        try
        {
            var set = Resolve(option, Directory.GetCurrentDirectory());
            error.WriteLine($"newsrules: rules: {set.Description}");
            return set;
        }
        catch (DirectoryNotFoundException ex)
        {
            error.WriteLine($"newsrules: {ex.Message} Pass an existing folder with --rules.");
        }
        catch (RuleLoadException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine("newsrules: the rules have errors (listed above); fix them (newsrules check <folder> lists them too), or pass --rules <folder> for other rules.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"newsrules: cannot read the rules: {ex.Message}");
        }

        exitCode = ExitCodes.UsageOrRuleErrors;
        return null;
    }
}
