using System;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace NewsRules.Cli;

/// <summary><c>newsrules accept [site]</c>: promote received snapshots to verified ones.</summary>
internal static class AcceptCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var site = new Argument<string?>("site")
        {
            Description = "Only this rule folder (e.g. arabic.rt.com). Default: every rule.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var rules = new Option<DirectoryInfo?>("--rules")
        {
            Description = "The rules folder. Default: the NewsRulesDirectory of the project file in the current folder, else the nearest 'rules' folder at or above it.",
        };
        var command = new Command("accept", "Accept received snapshots (*.received.*) as verified after reviewing them.\n\nExample:\n  newsrules accept arabic.rt.com") { site, rules };
        command.SetAction(result => Run(result.GetValue(site), result.GetValue(rules), output, error));
        return command;
    }

    public static int Run(string? site, DirectoryInfo? rulesOption, TextWriter output, TextWriter error)
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

        var root = site is null ? rules : Path.Combine(rules, site);
        if (!Directory.Exists(root))
        {
            var known = string.Join(", ", Directory.EnumerateDirectories(rules).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            error.WriteLine($"newsrules: no rule folder '{site}' in {rules} (there are: {known}).");
            return ExitCodes.UsageOrRuleErrors;
        }

        var received = Directory.EnumerateFiles(root, "*.received.*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        foreach (var file in received)
        {
            var name = Path.GetFileName(file);
            var index = name.LastIndexOf(".received.", StringComparison.Ordinal);
            var verified = Path.Combine(Path.GetDirectoryName(file)!, name.Substring(0, index) + ".verified." + name.Substring(index + ".received.".Length));
            File.Move(file, verified, overwrite: true);
            output.WriteLine($"accepted {Path.GetRelativePath(rules, verified)}");
        }

        output.WriteLine(received.Count == 0
            ? "nothing to accept: no *.received.* files (run the tests first)."
            : $"{received.Count} snapshot(s) accepted; review them with git diff and commit.");
        return 0;
    }
}
