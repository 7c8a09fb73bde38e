using System.CommandLine;
using System.IO;

namespace NewsRules.Cli;

/// <summary>The <c>newsrules</c> command line: verbs wired to their commands.</summary>
public static class CliApp
{
    /// <summary>Runs the command line with the given writers (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("newsrules: extract clean articles from news pages with per-site YAML rules.")
        {
            ExtractCommand.Create(output, error),
            AcceptCommand.Create(output, error),
        };

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(configuration);
    }
}
