using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NewsRules.Testing;

namespace NewsRules.Cli;

/// <summary>
/// <c>newsrules migrate-snapshots</c>: rewrites every <c>*.verified.json</c> below the rules
/// folder in the current snapshot form (the body once: no top-level <c>text</c>), after checking
/// that what it drops is only the body again.
/// </summary>
internal static class MigrateSnapshotsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var rules = new Option<DirectoryInfo?>("--rules")
        {
            Description = "The rules folder. Default: the NewsRulesDirectory of the project file in the current folder, else the nearest 'rules' folder at or above it.",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Change nothing; exit 1 when a snapshot is not in the current form yet.",
        };
        var command = new Command(
            "migrate-snapshots",
            "Rewrite the verified snapshots (*.verified.json) below the rules folder in the current form: the body once, as blocks (the top-level 'text', which repeated it, is left out). "
            + "Each file's 'text' is first checked to be the body's non-caption blocks joined by blank lines, so nothing but the representation changes.\n\n"
            + "Examples:\n  newsrules migrate-snapshots\n  newsrules migrate-snapshots --rules ../rules --check")
        {
            rules, check,
        };
        command.SetAction(result => Run(result.GetValue(rules), result.GetValue(check), output, error));
        return command;
    }

    public static int Run(DirectoryInfo? rulesOption, bool check, TextWriter output, TextWriter error)
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

        var files = Directory.EnumerateFiles(rules, "*.verified.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        int migrated = 0, current = 0, failed = 0;
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(rules, file);
            string before, after;
            try
            {
                before = Snapshot.Normalize(File.ReadAllText(file, Encoding.UTF8));
                after = SnapshotJson.Migrate(before);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
            {
                error.WriteLine($"newsrules: {relative}: not migrated: {ex.Message}");
                failed++;
                continue;
            }

            if (after == before)
            {
                current++;
                continue;
            }

            migrated++;
            if (check)
            {
                output.WriteLine($"to migrate {relative}");
                continue;
            }

            File.WriteAllText(file, after, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            output.WriteLine($"migrated {relative}");
        }

        output.WriteLine(check
            ? $"{files.Count} snapshot(s): {current} in the current form, {migrated} to migrate (run 'newsrules migrate-snapshots'), {failed} unreadable."
            : $"{files.Count} snapshot(s): {migrated} migrated, {current} already in the current form, {failed} not migrated. Review with git diff and commit.");
        return failed > 0 ? ExitCodes.UsageOrRuleErrors : check && migrated > 0 ? ExitCodes.ExtractionProblems : 0;
    }
}
