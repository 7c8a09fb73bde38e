using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NewsRules.Loading;

namespace NewsRules.Cli;

/// <summary><c>newsrules check &lt;rule.yaml|dir&gt;...</c>: the build's rule diagnostics, without building.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Rule files and/or folders (every *.yaml below them). Checked together, so duplicate sites and domains across them are found.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("check", "Check rules and print their problems as the build would (path(line,col): error NRxxxx: …).\n\nExample:\n  newsrules check rules/") { paths };
        command.SetAction(result => Run(result.GetValue(paths) ?? Array.Empty<string>(), output, error));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(RuleLoader.FindRuleFiles(path));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                error.WriteLine($"newsrules: '{path}' is neither a rule file nor a folder.");
                return ExitCodes.UsageOrRuleErrors;
            }
        }

        if (files.Count == 0)
        {
            error.WriteLine("newsrules: no *.yaml rule files found in the given folders.");
            return ExitCodes.UsageOrRuleErrors;
        }

        var problems = RuleLoader.Check(files);
        foreach (var problem in problems)
        {
            output.WriteLine(problem.ToString());
        }

        var errors = problems.Count(p => p.IsError);
        var warnings = problems.Count - errors;
        output.WriteLine($"{files.Count} rule file(s) checked: {errors} error(s), {warnings} warning(s).");
        return errors == 0 ? ExitCodes.Ok : ExitCodes.UsageOrRuleErrors;
    }
}
