using System.Reflection;
using NewsRules.Html;

namespace NewsRules.Robustness;

/// <summary>Where the repository's rules, samples and this project's bad rules are, found from the build's RepoRoot.</summary>
internal static class Repo
{
    public static string Root { get; } =
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;

    public static string Rules => Path.Combine(Root, "rules");

    public static string BadRules => Path.Combine(Root, "tests", "NewsRules.Robustness", "BadRules");

    /// <summary>A sample page of the repository: its path, bytes and address.</summary>
    public sealed record Sample(string Path, byte[] Bytes, Uri Url)
    {
        public string Name => System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(Path))!) + "/" + System.IO.Path.GetFileNameWithoutExtension(Path);

        public override string ToString() => Name;
    }

    /// <summary>Every page under rules/*/samples/, ordered by path, with the address its canonical link gives.</summary>
    public static IReadOnlyList<Sample> Samples { get; } = LoadSamples();

    private static IReadOnlyList<Sample> LoadSamples()
    {
        var samples = new List<Sample>();
        foreach (var path in Directory.EnumerateFiles(Rules, "*.html", SearchOption.AllDirectories)
                     .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "samples")
                     .OrderBy(p => p, StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            using var stream = new MemoryStream(bytes);
            var url = PageAddress.Find(HtmlDocuments.Parse(stream))
                ?? throw new InvalidOperationException($"The sample '{path}' has no canonical link or og:url.");
            samples.Add(new Sample(path, bytes, url));
        }

        Assert.NotEmpty(samples);
        return samples;
    }
}
