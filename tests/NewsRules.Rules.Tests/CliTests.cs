using System.Text.Json;
using System.Text.RegularExpressions;
using NewsRules.Cli;

namespace NewsRules.Rules.Tests;

/// <summary>The <c>newsrules</c> command line, run in-process with captured output.</summary>
public sealed class CliTests : IDisposable
{
    private const string RtPage = "arabic.rt.com/lavrov-mali.html";
    private const string RtTitle = "لافروف: روسيا ستدعم مالي في حربها ضد الإرهاب";

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("newsrules-cli-");

    public void Dispose() => temp.Delete(recursive: true);

    private sealed record Result(int ExitCode, string Output, string Error);

    private static Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("check")]
    [InlineData("accept")]
    [InlineData("batch")]
    [InlineData("new")]
    [InlineData("report")]
    [InlineData("conformance")]
    [InlineData("evaluate")]
    public void Every_verb_has_help_with_an_example_that_calls_it(string verb)
    {
        var result = Run(verb, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Example", result.Output, StringComparison.Ordinal);
        Assert.Contains($"newsrules {verb} ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_and_usage_errors_call_the_command_newsrules_whatever_the_executable_is_named()
    {
        var help = Run("--help");
        var wrong = Run("extrct");

        Assert.Contains("Usage:\n  newsrules [command] [options]", help.Output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("NewsRules.Cli", help.Output, StringComparison.Ordinal);
        Assert.Contains("Run 'newsrules --help' for usage.", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_help_lists_the_exit_codes()
    {
        var result = Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exit codes: 0 ok, 1 extraction problems", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 usage or rule errors", result.Output, StringComparison.Ordinal);
    }

    private string WriteTemp(string name, string text)
    {
        var path = Path.Combine(temp.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Sample(string page) => SampleFiles.PagePath(page);

    public static TheoryData<string> SamplePages() => InterpretedVsGeneratedTests.SamplePages();

    [Fact]
    public void Extract_prints_the_article_as_json()
    {
        var result = Run("extract", Sample(RtPage));

        Assert.Equal(0, result.ExitCode);
        // The only line on stderr says which rules ran: the repository's, found above the test's folder.
        Assert.Matches(@"^newsrules: rules: \d+ rules from [^\n]*rules/ \(the nearest rules folder\)\n$", result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("RtArabic", json.RootElement.GetProperty("site").GetString());
        Assert.Equal(RtTitle, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("warnings").GetArrayLength());
        Assert.Contains(RtTitle, result.Output, StringComparison.Ordinal);
        Assert.EndsWith("}\n", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SamplePages))]
    public void Extract_json_is_the_sample_snapshot(string page)
    {
        var verified = Path.ChangeExtension(Sample(page), null) + ".verified.json";
        Assert.True(File.Exists(verified), $"{verified} is missing");

        var result = Run("extract", Sample(page));

        Assert.Equal(0, result.ExitCode);
        // The snapshot holds the output in its snapshot form: the body once (no top-level text).
        Assert.Equal(File.ReadAllText(verified).ReplaceLineEndings("\n").TrimEnd('\n'), NewsRules.Testing.SnapshotJson.FromArticleJson(result.Output).TrimEnd('\n'));
    }

    [Fact]
    public void Format_text_prints_title_lead_and_body()
    {
        var result = Run("extract", Sample(RtPage), "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(RtTitle + "\n\n", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"site\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("جاء ذلك في بداية اجتماع لافروف", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_markdown_prints_a_markdown_document()
    {
        var result = Run("extract", Sample(RtPage), "-f", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# " + RtTitle + "\n\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("\n\n*", result.Output, StringComparison.Ordinal);
        Assert.False(result.Output.EndsWith("\n\n", StringComparison.Ordinal), "one final newline");
    }

    [Fact]
    public void Url_option_overrides_the_canonical_link()
    {
        const string url = "https://arabic.rt.com/world/1-other/";

        var result = Run("extract", Sample(RtPage), "--url", url);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(url, json.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public void Url_of_an_unknown_host_fails_with_one_line_naming_the_host()
    {
        var result = Run("extract", Sample(RtPage), "--url", "https://unknown.example.org/world/1-x/", "--no-fallback");

        Assert.Equal(ExitCodes.ExtractionProblems, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var line = Assert.Single(result.Error.TrimEnd('\n', '\r').Split('\n'), l => !l.StartsWith("newsrules: rules: ", StringComparison.Ordinal));
        Assert.Contains("unknown.example.org", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://arabic.rt.com/world/1-x/")]
    [InlineData("/world/1-x/")]
    public void Url_that_is_not_absolute_http_fails(string url)
    {
        var result = Run("extract", Sample(RtPage), "--url", url);

        Assert.Equal(ExitCodes.UsageOrRuleErrors, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains(url, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_page_fails_with_a_clear_message()
    {
        var missing = Path.Combine(temp.FullName, "no-such-page.html");

        var result = Run("extract", missing);

        Assert.Equal(ExitCodes.UsageOrRuleErrors, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("no-such-page.html", result.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_without_canonical_link_and_without_url_asks_for_url()
    {
        var page = WriteTemp("bare.html", "<html><body><h1>T</h1></body></html>");

        var result = Run("extract", page);

        Assert.Equal(ExitCodes.UsageOrRuleErrors, result.ExitCode);
        Assert.Contains("--url", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_option_loads_a_yaml_rule_at_run_time()
    {
        var rule = WriteTemp("custom.yaml", """
            site: CustomRt
            domains: [arabic.rt.com]
            title: 'meta[property="og:title"]@content'
            body: '.article .text'
            fields:
              Tags: { select: 'a', many: true }
            """);

        var result = Run("extract", Sample(RtPage), "--rule", rule);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("CustomRt", json.RootElement.GetProperty("site").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("fields").GetProperty("Tags").ValueKind);
    }

    [Fact]
    public void Rule_option_works_for_a_host_no_compiled_rule_serves()
    {
        var rule = WriteTemp("local.yaml", "site: Local\ndomains: [local.example]\ntitle: h1\nbody: .story\n");
        var page = WriteTemp("local.html", "<html><head><link rel=canonical href='https://local.example/a'></head><body><h1>Local title</h1><div class=story><p>Local body.</p></div></body></html>");

        var result = Run("extract", page, "--rule", rule, "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Local title\n\nLocal body.\n", result.Output);
    }

    [Fact]
    public void Broken_rule_prints_located_errors()
    {
        var rule = WriteTemp("broken.yaml", "site: Broken\ndomains: [arabic.rt.com]\ntitle: h1\nbody: 'div[[['\ntitel: h2\n");

        var result = Run("extract", Sample(RtPage), "--rule", rule);

        Assert.Equal(ExitCodes.UsageOrRuleErrors, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var located = result.Error.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => Regex.IsMatch(l, @"^.+broken\.yaml\(\d+,\d+\): error NR\d{4}: .+$"))
            .ToList();
        Assert.Equal(2, located.Count);
        Assert.Contains(located, l => l.Contains("broken.yaml(4,7): error NR0003", StringComparison.Ordinal));
        Assert.Contains(located, l => l.Contains("broken.yaml(5,1): error NR0002", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_rule_file_fails_with_its_path()
    {
        var rule = Path.Combine(temp.FullName, "absent.yaml");

        var result = Run("extract", Sample(RtPage), "--rule", rule);

        Assert.Equal(ExitCodes.UsageOrRuleErrors, result.ExitCode);
        Assert.Contains("absent.yaml", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_format_is_rejected()
    {
        var result = Run("extract", Sample(RtPage), "--format", "xml");

        Assert.Equal(ExitCodes.UsageOrRuleErrors, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("'xml'", result.Error, StringComparison.Ordinal);
        Assert.Contains("json", result.Error, StringComparison.Ordinal);
        Assert.Contains("extract --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_page_argument_is_a_usage_error_on_stderr_only()
    {
        var result = Run("extract");

        Assert.Equal(ExitCodes.UsageOrRuleErrors, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith("newsrules: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var result = Run("extract", Sample(RtPage), "--formt", "text");

        Assert.Equal(ExitCodes.UsageOrRuleErrors, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("--formt", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_printed_to_output()
    {
        var result = Run("extract", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--format", result.Output, StringComparison.Ordinal);
        Assert.Contains("--rule", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }
}
