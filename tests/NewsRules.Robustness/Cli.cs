using NewsRules.Cli;

namespace NewsRules.Robustness;

/// <summary>Runs the newsrules command line in-process, as a user would from a shell.</summary>
internal static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>A scratch folder for files a test hands to the command line; deleted on dispose.</summary>
    public sealed class Scratch : IDisposable
    {
        public Scratch() => Directory.CreateDirectory(Root);

        public string Root { get; } = Path.Combine(Path.GetTempPath(), "newsrules-robustness-" + Guid.NewGuid().ToString("N"));

        public string Write(string name, byte[] bytes)
        {
            var path = Path.Combine(Root, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine: the temp folder is cleaned by the system.
            }
        }
    }
}
