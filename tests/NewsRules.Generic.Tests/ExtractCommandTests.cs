namespace NewsRules.Generic.Tests;

/// <summary>`newsrules extract` through the front door: the fallback by default, --no-fallback to turn it off.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string page;

    public ExtractCommandTests() =>
        page = folder.Write("page.html", Page.Html("<meta property=\"og:title\" content=\"Council approves the bridge\">", $"<div>{Page.Nav("Menu")}</div><article><p>{Page.Prose("Alpha")}</p></article>"));

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_page_no_rule_serves_is_extracted_by_the_fallback_with_a_note()
    {
        var (exit, output, error) = Cli.Run("extract", page, "--url", "https://unknown.example/story", "--format", "text");

        Assert.Equal(0, exit);
        Assert.StartsWith("Council approves the bridge", output);
        Assert.Contains("Alpha sentence 1", output);
        Assert.Contains("generic fallback", error);
    }

    [Fact]
    public void No_fallback_turns_it_off_with_a_one_line_error()
    {
        var (exit, output, error) = Cli.Run("extract", page, "--url", "https://unknown.example/story", "--no-fallback");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        // Besides the line that says which rules ran.
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'), l => !l.StartsWith("newsrules: rules: ", StringComparison.Ordinal));
        Assert.Contains("unknown.example", line);
        Assert.Contains("--no-fallback", line);
    }

    [Fact]
    public void Explain_says_where_each_field_and_the_body_came_from()
    {
        var (exit, _, error) = Cli.Run("extract", page, "--url", "https://unknown.example/story", "--explain");

        Assert.Equal(0, exit);
        Assert.Contains("generic fallback on unknown.example", error);
        Assert.Contains("title: og:title", error);
        Assert.Contains("body container: article", error);
    }

    [Fact]
    public void The_json_output_carries_the_host_as_site_and_the_fallback_warning()
    {
        var (_, output, _) = Cli.Run("extract", page, "--url", "https://unknown.example/story");

        Assert.Contains("\"site\": \"unknown.example\"", output);
        Assert.Contains(GenericExtractor.FallbackWarning, output);
    }
}
