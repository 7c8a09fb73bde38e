using System.CommandLine;
using System.IO;

namespace NewsRules.Cli;

/// <summary>The <c>newsrules</c> command line: verbs wired to their commands.</summary>
public static class CliApp
{
    /// <summary>Runs the command line with the given writers (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, null, output, error);

    /// <summary>Runs the command line with the given standard input (what <c>batch -</c> reads; null: the process's) and writers.</summary>
    public static int Run(string[] args, Stream? input, TextWriter output, TextWriter error)
    {
        // Named 'newsrules', not after the executable: run with 'dotnet run' or as an installed
        // tool, the process is NewsRules.Cli, and help would say 'Usage: NewsRules.Cli …'.
        var root = new Command("newsrules", "newsrules: extract clean articles from news pages with per-site YAML rules.\n\nExit codes: 0 ok, 1 extraction problems (no rule for a page, failed records), 2 usage or rule errors.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            ExtractCommand.Create(output, error),
            AcceptCommand.Create(output, error),
            MigrateSnapshotsCommand.Create(output, error),
            ConformanceCommand.Create(output, error),
            CheckCommand.Create(output, error),
            BatchCommand.Create(output, error, input is null ? null : () => input),
            NewCommand.Create(output, error),
            EvaluateDraftsCommand.Create(output, error),
            ReportCommand.Create(output, error),
            EvaluateCommand.Create(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Usage errors go to stderr only: the default also prints the help to stdout, which
            // would end up in a file or pipe that expects an article.
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"newsrules: {problem.Message}");
            }

            var command = parsed.CommandResult.Command;
            error.WriteLine(command == root ? "Run 'newsrules --help' for usage." : $"Run 'newsrules {command.Name} --help' for usage.");
            return ExitCodes.UsageOrRuleErrors;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return parsed.Invoke(configuration);
    }
}
