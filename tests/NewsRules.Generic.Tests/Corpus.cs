using System.Reflection;

namespace NewsRules.Generic.Tests;

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

    public static string Path(string name) => System.IO.Path.Combine(Root, name);

    public static bool Has(string name) => File.Exists(System.IO.Path.Combine(Root, name, "cases.jsonl"));
}

/// <summary>A fact that skips, saying why, when a corpus is not on this machine.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(string corpus)
    {
        if (!Corpus.Has(corpus))
        {
            Skip = $"The corpus '{corpus}' is not at {Corpus.Path(corpus)} (set NEWSRULES_CORPUS to its parent folder to run this test).";
        }
    }
}

/// <summary>A theory that skips, saying why, when a corpus is not on this machine.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute(string corpus)
    {
        if (!Corpus.Has(corpus))
        {
            Skip = $"The corpus '{corpus}' is not at {Corpus.Path(corpus)} (set NEWSRULES_CORPUS to its parent folder to run this test).";
        }
    }
}
