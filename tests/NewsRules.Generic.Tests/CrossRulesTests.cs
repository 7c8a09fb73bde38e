namespace NewsRules.Generic.Tests;

/// <summary><c>conformance --cross-rules</c>: each site rule forced onto the other sites' pages, before and after the rot guard.</summary>
public sealed class CrossRulesTests
{
    private static string Site(string name, string bodyClass) =>
        $"<html><head><title>{name} story</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        + $"<h1>{name} story</h1><div class='{bodyClass}'><p>{Page.Prose(name)}</p><p>{Page.Prose(name + "Two")}</p></div></body></html>";

    private static string Rule(string site, string domain, string body) =>
        $"site: {site}\ndomains: [{domain}]\ntitle: h1\nbody: '{body}'\n";

    [Fact]
    public void A_rule_forced_onto_another_sites_page_is_empty_before_and_the_generic_body_after()
    {
        using var folder = new TempFolder();
        folder.Write("corpus/pages/a.html", Site("Alpha", "a-body"));
        folder.Write("corpus/pages/b.html", Site("Beta", "b-body"));
        folder.Write("corpus/cases.jsonl",
            "{\"id\": \"a#1\", \"domain\": \"a.example\", \"url\": \"https://a.example/1\", \"page\": \"pages/a.html\", \"expected\": {\"title\": \"Alpha story\"}}\n"
            + "{\"id\": \"b#1\", \"domain\": \"b.example\", \"url\": \"https://b.example/1\", \"page\": \"pages/b.html\", \"expected\": {\"title\": \"Beta story\"}}\n");
        folder.Write("rules/a.yaml", Rule("CrossA", "a.example", ".a-body"));
        folder.Write("rules/b.yaml", Rule("CrossB", "b.example", ".b-body"));

        var (exit, output, error) = Cli.Run("conformance", Path.Combine(folder.Path, "corpus"), "--rules", Path.Combine(folder.Path, "rules"), "--cross-rules");

        Assert.True(exit == 0, error);
        Assert.Contains("cross-rules: 2 site rules", output);
        Assert.Matches(@"CrossA\s+1\s+0\.000 / 0\.000\s+1\.000 / 1\.000\s+1 / 0\s+1 / 0", output);
        Assert.Contains("before precision 0.000, recall 0.000; after precision 1.000, recall 1.000", output);
        Assert.Contains("empty bodies: before 2, after 0; rule-rot warnings after: body 2, title 0", output);
    }

    [Fact]
    public void Cross_rules_on_a_single_case_or_with_generic_only_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var (exit, _, error) = Cli.Run("conformance", folder.Path, "--cross-rules", "--generic-only");

        Assert.Equal(2, exit);
        Assert.Contains("--cross-rules", error);
    }
}
