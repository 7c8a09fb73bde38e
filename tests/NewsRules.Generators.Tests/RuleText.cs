namespace NewsRules.Generators.Tests;

/// <summary>YAML rule text for tests, one line per argument, so line numbers are easy to read off.</summary>
internal static class RuleText
{
    /// <summary>The smallest valid rule: site Example on example.com.</summary>
    public static readonly string Minimal = Lines(
        "site: Example",
        "domains: [example.com]",
        "title: h1",
        "body: .article");

    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>A valid rule with its own site name and domain.</summary>
    public static string Valid(string site, string domain, params string[] moreLines) =>
        Lines(new[] { $"site: {site}", $"domains: [{domain}]", "title: h1", "body: .article" }.Concat(moreLines).ToArray());
}
