using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace NewsRules.TestCorpus;

// Compiled into each test project that reads ../shared/corpus (linked from its .csproj, with the
// RepoRoot assembly metadata it needs), so they all find the corpus the same way.

/// <summary>
/// Where the shared corpus is: <c>NEWSRULES_CORPUS</c> if set, else <c>../shared/corpus</c> beside
/// the repository. Its pages are read from there and never copied into the repository.
/// </summary>
internal static class Corpus
{
    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("NEWSRULES_CORPUS");
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return System.IO.Path.GetFullPath(fromEnvironment);
            }

            var repo = typeof(Corpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(repo, "..", "shared", "corpus"));
        }
    }

    /// <summary>The folder of one corpus (<c>mercury-dev</c>, <c>trafilatura-eval</c>).</summary>
    public static string Path(string name) => System.IO.Path.Combine(Root, name);

    /// <summary>True when the corpus is on this machine (its <c>cases.jsonl</c> is there).</summary>
    public static bool Has(string name) => File.Exists(System.IO.Path.Combine(Root, name, "cases.jsonl"));

    /// <summary>Why a test that needs the corpus is skipped, or null when it is there.</summary>
    public static string? Missing(string name) =>
        Has(name) ? null : $"The corpus '{name}' is not at {Path(name)} (set NEWSRULES_CORPUS to its parent folder to run this test).";
}

/// <summary>A fact that skips, saying why, when a corpus is not on this machine.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(string corpus)
    {
        if (Corpus.Missing(corpus) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that skips, saying why, when a corpus is not on this machine.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute(string corpus)
    {
        if (Corpus.Missing(corpus) is { } reason)
        {
            Skip = reason;
        }
    }
}
