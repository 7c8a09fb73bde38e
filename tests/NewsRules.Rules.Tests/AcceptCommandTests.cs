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
    public void Accept_with_nothing_received_says_so()
    {
        Directory.CreateDirectory(rules);

        var (exit, output, _) = Run("accept", "--rules", rules);

        Assert.Equal(0, exit);
        Assert.Contains("nothing to accept", output);
    }
}
