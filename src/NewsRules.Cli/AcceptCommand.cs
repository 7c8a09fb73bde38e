using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NewsRules.Testing;

namespace NewsRules.Cli;

/// <summary><c>newsrules accept [site] [--list]</c>: show, then promote, received snapshots to verified ones.</summary>
internal static class AcceptCommand
{
    private static readonly Regex SiteLine = new(@"^site\s*:\s*['""]?([^'""#\s]+)", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var site = new Argument<string?>("site")
        {
            Description = "Only this rule: its site name (e.g. RtArabic) or its folder (e.g. arabic.rt.com). Default: every rule.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var rules = new Option<DirectoryInfo?>("--rules")
        {
            Description = "The rules folder. Default: the NewsRulesDirectory of the project file in the current folder, else the nearest 'rules' folder at or above it.",
        };
        var list = new Option<bool>("--list")
        {
            Description = "Only show what would be accepted: each received snapshot, new or changed, with its changed lines word by word. Accepts nothing.",
        };
        var command = new Command("accept", "Accept received snapshots (*.received.*) as verified after reviewing them.\n\nExamples:\n  newsrules accept --list\n  newsrules accept RtArabic\n  newsrules accept arabic.rt.com") { site, rules, list };
        command.SetAction(result => Run(result.GetValue(site), result.GetValue(rules), output, error, result.GetValue(list)));
        return command;
    }

    public static int Run(string? site, DirectoryInfo? rulesOption, TextWriter output, TextWriter error, bool list = false)
    {
        string rules;
        try
        {
            rules = ProjectRules.FindDirectory(rulesOption, Directory.GetCurrentDirectory())?.Directory
                ?? throw new DirectoryNotFoundException($"no rules folder in or above {Directory.GetCurrentDirectory()}, and no NewsRulesDirectory in a project file there.");
        }
        catch (DirectoryNotFoundException ex)
        {
            error.WriteLine($"newsrules: {ex.Message} Pass --rules <folder>.");
            return ExitCodes.UsageOrRuleErrors;
        }

        var root = site is null ? rules : FolderOf(rules, site);
        if (root is null)
        {
            var folders = string.Join(", ", Directory.EnumerateDirectories(rules).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            var names = string.Join(", ", SiteNames(rules).Select(s => s.Site).OrderBy(n => n, StringComparer.Ordinal));
            error.WriteLine($"newsrules: no rule named or in a folder '{site}' in {rules} (folders: {folders}; sites: {names}).");
            return ExitCodes.UsageOrRuleErrors;
        }

        var received = Directory.EnumerateFiles(root, "*.received.*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (list)
        {
            foreach (var file in received)
            {
                var verified = VerifiedPathOf(file);
                var relative = Path.GetRelativePath(rules, verified);
                if (!File.Exists(verified))
                {
                    output.WriteLine($"new      {relative}");
                    continue;
                }

                output.WriteLine($"changed  {relative}");
                foreach (var line in WordDiff.Describe(Snapshot.Normalize(File.ReadAllText(verified)), Snapshot.Normalize(File.ReadAllText(file))).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    output.WriteLine("    " + line);
                }
            }

            output.WriteLine(received.Count == 0
                ? "nothing to accept: no *.received.* files (run the tests first)."
                : $"{received.Count} snapshot(s) would be accepted; accept them with 'newsrules accept{(site is null ? string.Empty : " " + site)}'.");
            return 0;
        }

        foreach (var file in received)
        {
            var verified = VerifiedPathOf(file);
            var change = File.Exists(verified) ? "changed" : "new";
            File.Move(file, verified, overwrite: true);
            output.WriteLine($"accepted {Path.GetRelativePath(rules, verified)} ({change})");
        }

        output.WriteLine(received.Count == 0
            ? "nothing to accept: no *.received.* files (run the tests first)."
            : $"{received.Count} snapshot(s) accepted; review them with git diff and commit.");
        return 0;
    }

    private static string VerifiedPathOf(string received)
    {
        var name = Path.GetFileName(received);
        var index = name.LastIndexOf(".received.", StringComparison.Ordinal);
        return Path.Combine(Path.GetDirectoryName(received)!, name.Substring(0, index) + ".verified." + name.Substring(index + ".received.".Length));
    }

    /// <summary>The folder of the rule named <paramref name="site"/>: a folder of that name, else the folder of the rule file whose site: it is.</summary>
    private static string? FolderOf(string rules, string site)
    {
        var folder = Path.Combine(rules, site);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var named = SiteNames(rules).Where(s => string.Equals(s.Site, site, StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count == 1 ? Path.GetDirectoryName(named[0].File) : null;
    }

    private static IEnumerable<(string Site, string File)> SiteNames(string rules)
    {
        foreach (var file in NewsRules.Loading.RuleLoader.FindRuleFiles(rules))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (SiteLine.Match(text) is { Success: true } match)
            {
                yield return (match.Groups[1].Value, file);
            }
        }
    }
}
