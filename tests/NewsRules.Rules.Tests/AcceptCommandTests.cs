using NewsRules.Cli;

namespace NewsRules.Rules.Tests;

public sealed class AcceptCommandTests : IDisposable
{
    private readonly string rules = Path.Combine(Directory.CreateTempSubdirectory("newsrules-accept-").FullName, "rules");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(rules)!, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(rules, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Accept_promotes_received_snapshots_of_one_site_only()
    {
        Write("a.com/samples/one.verified.json", "old");
        Write("a.com/samples/one.received.json", "new");
        Write("b.com/samples/two.received.json", "other");

        var (exit, output, _) = Run("accept", "a.com", "--rules", rules);

        Assert.Equal(0, exit);
        Assert.Equal("new", File.ReadAllText(Path.Combine(rules, "a.com/samples/one.verified.json")));
        Assert.False(File.Exists(Path.Combine(rules, "a.com/samples/one.received.json")));
        Assert.True(File.Exists(Path.Combine(rules, "b.com/samples/two.received.json")));
        Assert.Contains("1 snapshot(s) accepted", output);
    }

    [Fact]
    public void Accept_without_a_site_promotes_every_rule()
    {
        Write("a.com/samples/one.received.json", "1");
        Write("b.com/samples/two.received.json", "2");

        var (exit, _, _) = Run("accept", "--rules", rules);

        Assert.Equal(0, exit);
        Assert.Equal("1", File.ReadAllText(Path.Combine(rules, "a.com/samples/one.verified.json")));
        Assert.Equal("2", File.ReadAllText(Path.Combine(rules, "b.com/samples/two.verified.json")));
    }

    [Fact]
    public void Accept_of_an_unknown_site_fails_and_lists_the_known_ones()
    {
        Write("a.com/a.com.yaml", "site: A");

        var (exit, _, error) = Run("accept", "nosuch.com", "--rules", rules);

        Assert.NotEqual(0, exit);
        Assert.Contains("nosuch.com", error);
        Assert.Contains("a.com", error);
    }

    [Fact]
    public void Accept_takes_the_site_name_of_a_rule_as_well_as_its_folder()
    {
        Write("a.com/a.com.yaml", "# A rule\nsite: AlphaNews\ndomains: [a.com]\n");
        Write("a.com/samples/one.received.json", "new");
        Write("b.com/samples/two.received.json", "other");

        var (exit, output, _) = Run("accept", "alphanews", "--rules", rules);

        Assert.Equal(0, exit);
        Assert.Equal("new", File.ReadAllText(Path.Combine(rules, "a.com/samples/one.verified.json")));
        Assert.True(File.Exists(Path.Combine(rules, "b.com/samples/two.received.json")));
        Assert.Contains("(new)", output);
    }

    [Fact]
    public void Accept_list_shows_new_and_changed_snapshots_word_by_word_and_accepts_nothing()
    {
        Write("a.com/samples/one.verified.json", "{\n  \"title\": \"Tidal mill turns again after 90 years\"\n}\n");
        Write("a.com/samples/one.received.json", "{\n  \"title\": \"Tidal mill turns again after ninety years\"\n}\n");
        Write("b.com/samples/two.received.json", "{}\n");

        var (exit, output, _) = Run("accept", "--list", "--rules", rules);

        Assert.Equal(0, exit);
        Assert.Contains($"changed  a.com{Path.DirectorySeparatorChar}samples{Path.DirectorySeparatorChar}one.verified.json", output);
        Assert.Contains("after [-90-]{+ninety+} years", output);
        Assert.Contains($"new      b.com{Path.DirectorySeparatorChar}samples{Path.DirectorySeparatorChar}two.verified.json", output);
        Assert.Contains("2 snapshot(s) would be accepted", output);
        Assert.True(File.Exists(Path.Combine(rules, "a.com/samples/one.received.json")));
        Assert.False(File.Exists(Path.Combine(rules, "b.com/samples/two.verified.json")));
    }

    [Fact]
    public void Migrate_snapshots_drops_the_repeated_text_and_refuses_a_text_that_differs()
    {
        const string Old = "{\n  \"title\": \"T\",\n  \"body\": [\n    {\n      \"kind\": \"paragraph\",\n      \"text\": \"One.\"\n    },\n    {\n      \"kind\": \"caption\",\n      \"text\": \"Cap.\"\n    }\n  ],\n  \"text\": \"One.\",\n  \"warnings\": []\n}\n";
        var good = Write("a.com/samples/one.verified.json", Old);
        var odd = Write("b.com/samples/two.verified.json", Old.Replace("\"text\": \"One.\",\n  \"warnings", "\"text\": \"Other.\",\n  \"warnings", StringComparison.Ordinal));

        var check = Run("migrate-snapshots", "--check", "--rules", rules);
        var unchangedByCheck = File.ReadAllText(good);
        var (exit, output, error) = Run("migrate-snapshots", "--rules", rules);

        Assert.Equal(ExitCodes.UsageOrRuleErrors, check.Exit);
        Assert.Contains("to migrate a.com", check.Output);
        Assert.Equal(Old, unchangedByCheck);
        Assert.Equal(ExitCodes.UsageOrRuleErrors, exit);
        Assert.Equal(Old.Replace("  \"text\": \"One.\",\n", string.Empty, StringComparison.Ordinal), File.ReadAllText(good));
        Assert.Contains("1 migrated", output);
        Assert.Contains("two.verified.json: not migrated: its 'text' is not the body's non-caption blocks", error);
        Assert.Contains("\"Other.\"", File.ReadAllText(odd));
    }

    [Fact]
    public void Accept_with_nothing_received_says_so()
    {
        Directory.CreateDirectory(rules);

        var (exit, output, _) = Run("accept", "--rules", rules);

        Assert.Equal(0, exit);
        Assert.Contains("nothing to accept", output);
    }
}
