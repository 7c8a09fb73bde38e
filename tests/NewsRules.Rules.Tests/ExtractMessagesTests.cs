using NewsRules.Cli;

namespace NewsRules.Rules.Tests;

/// <summary>What `newsrules extract` says when a URL is not one a rule serves.</summary>
public sealed class ExtractMessagesTests
{
    private static string Sample(string domain, string name)
    {
        var rules = typeof(ExtractMessagesTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RulesDirectory").Value!;
        return Path.Combine(rules, domain, "samples", name);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (CliApp.Run(args, output, error), output.ToString(), error.ToString());
    }

    [Fact]
    public void A_known_host_with_a_path_the_rule_rejects_names_the_rule_and_the_path()
    {
        var (exit, output, error) = Run("extract", Sample("apnews.com", "covered-bridge.html"), "--url", "https://apnews.com/hub/weather", "--no-fallback");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("rule ApNews serves host 'apnews.com'", error);
        Assert.Contains("'/hub/weather'", error);
    }

    [Fact]
    public void An_unknown_host_is_named_in_a_one_line_error()
    {
        var (exit, _, error) = Run("extract", Sample("apnews.com", "covered-bridge.html"), "--url", "https://unknown.example/a", "--no-fallback");

        Assert.Equal(1, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'), line => !line.StartsWith("newsrules: rules: ", StringComparison.Ordinal));
        Assert.Contains("no rule for host 'unknown.example'", error);
    }

    [Fact]
    public void A_rule_given_with_rule_still_runs_on_a_url_it_does_not_serve_but_warns()
    {
        var rule = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Sample("apnews.com", "x"))!)!, "apnews.com.yaml");

        var (exit, output, error) = Run("extract", Sample("apnews.com", "covered-bridge.html"), "--url", "https://apnews.com/hub/weather", "--rule", rule, "--format", "text");

        Assert.Equal(0, exit);
        Assert.StartsWith("Vermont town reopens covered bridge", output);
        Assert.Contains("warning: rule ApNews does not serve", error);
    }
}
