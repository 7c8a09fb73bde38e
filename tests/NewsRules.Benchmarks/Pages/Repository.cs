using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NewsRules.Benchmarks.Pages;

/// <summary>
/// Where the repository's rules and the shared corpus are. The corpus is
/// <c>NEWSRULES_CORPUS</c> when set, else <c>../shared/corpus</c> beside the repository
/// (as in the conformance tests); its pages are read from there, never copied.
/// </summary>
internal static class Repository
{
    /// <summary>The repository root, recorded at build time (BenchmarkDotNet runs us from a generated folder).</summary>
    public static string Root { get; } = FindRoot();

    public static string RulesDirectory => Path.Combine(Root, "rules");

    public static string CorpusRoot
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("NEWSRULES_CORPUS");
            return !string.IsNullOrWhiteSpace(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
        }
    }

    private static string FindRoot()
    {
        var recorded = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (!string.IsNullOrEmpty(recorded) && Directory.Exists(Path.Combine(recorded, "rules")))
        {
            return Path.GetFullPath(recorded);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "rules")) && File.Exists(Path.Combine(directory.FullName, "NewsRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"The NewsRules repository (a folder with NewsRules.sln and rules/) was not found at '{recorded}' nor above '{AppContext.BaseDirectory}'. " +
            "Run the benchmarks from the repository: dotnet run -c Release --project tests/NewsRules.Benchmarks");
    }
}
