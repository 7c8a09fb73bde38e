using System.Text.Json;
using NewsRules.Cli;
using NewsRules.Loading;

namespace NewsRules.Rules.Tests;

/// <summary>
/// In the user's own repository the verbs run the user's rules: --rules, else the project's
/// NewsRulesDirectory, else the nearest rules/ folder; they say which on stderr and never fall
/// back to the rules built into the command line while a rules folder is there.
/// </summary>
public sealed class ProjectRulesTests : IDisposable
{
    private const string HeronRule = "site: Heron\ndomains: [heron.example]\ntitle: h1\nbody: .story\nfields:\n  Desk: .desk\n";
    private const string HeronPage = "<html><head><link rel=canonical href='https://heron.example/news/1'></head><body><h1>Tidal mill</h1><p class=desk>Coast</p><div class=story><p>The mill turns again after ninety years, and the whole village came to see it.</p></div></body></html>";

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("newsrules-project-rules-");

    public void Dispose() => temp.Delete(recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(temp.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Folder(string relative) => Directory.CreateDirectory(Path.Combine(temp.FullName, relative)).FullName;

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_project_files_NewsRulesDirectory_is_used_first()
    {
        Write("rules/heron.example/heron.example.yaml", HeronRule);
        Write("app/rules/other.example/other.example.yaml", "site: Other\ndomains: [other.example]\ntitle: h1\nbody: .story\n");
        Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <NewsRulesDirectory>../rules</NewsRulesDirectory>\n  </PropertyGroup>\n</Project>\n");

        var set = ProjectRules.Resolve(null, Path.Combine(temp.FullName, "app"));

        Assert.Equal(new[] { "Heron" }, set.Extractors.Select(e => e.Site));
        Assert.Equal(Path.Combine(temp.FullName, "rules"), set.Directory);
        Assert.Equal($"1 rule from ..{Path.DirectorySeparatorChar}rules{Path.DirectorySeparatorChar} (NewsRulesDirectory of App.csproj)", set.Description);
    }

    [Fact]
    public void A_NewsRulesDirectory_that_does_not_exist_is_an_error_naming_the_project()
    {
        Write("app/App.csproj", "<Project><PropertyGroup><NewsRulesDirectory>..\\missing</NewsRulesDirectory></PropertyGroup></Project>");

        var thrown = Assert.Throws<DirectoryNotFoundException>(() => ProjectRules.Resolve(null, Path.Combine(temp.FullName, "app")));

        Assert.Contains("App.csproj sets NewsRulesDirectory to '..\\missing'", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_project_setting_the_nearest_rules_folder_above_is_used()
    {
        Write("rules/heron.example/heron.example.yaml", HeronRule);
        var nested = Folder("App.Tests/bin/Debug");

        var set = ProjectRules.Resolve(null, nested);

        Assert.Equal(new[] { "Heron" }, set.Extractors.Select(e => e.Site));
        Assert.EndsWith("(the nearest rules folder)", set.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rules_option_wins_and_a_missing_folder_is_an_error()
    {
        Write("rules/heron.example/heron.example.yaml", HeronRule);
        Write("elsewhere/other.example/other.example.yaml", "site: Other\ndomains: [other.example]\ntitle: h1\nbody: .story\n");

        var set = ProjectRules.Resolve(new DirectoryInfo(Path.Combine(temp.FullName, "elsewhere")), temp.FullName);

        Assert.Equal(new[] { "Other" }, set.Extractors.Select(e => e.Site));
        Assert.EndsWith("(--rules)", set.Description, StringComparison.Ordinal);
        Assert.Throws<DirectoryNotFoundException>(() => ProjectRules.Resolve(new DirectoryInfo(Path.Combine(temp.FullName, "nowhere")), temp.FullName));
    }

    [Fact]
    public void A_broken_rule_in_the_folder_is_an_error_listing_it()
    {
        Write("rules/heron.example/heron.example.yaml", HeronRule + "laed: .summary\n");

        var thrown = Assert.Throws<RuleLoadException>(() => ProjectRules.Resolve(null, temp.FullName));

        Assert.Contains("heron.example.yaml(7,1): error NR0002: 'laed' is not a key of a rule. Did you mean 'lead'?", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_rules_folder_the_built_in_rules_are_used_and_said_so()
    {
        var lonely = Folder("lonely");
        if (ProjectRules.FindDirectory(null, lonely) is not null)
        {
            // A rules folder above the temp folder (not ours): the search rightly finds it.
            return;
        }

        var set = ProjectRules.Resolve(null, lonely);

        Assert.Null(set.Directory);
        Assert.Contains("using the", set.Description, StringComparison.Ordinal);
        Assert.Contains("rules built into newsrules (pass --rules <folder> for yours)", set.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_runs_the_rules_folders_rule_and_says_so()
    {
        var rules = Path.GetDirectoryName(Path.GetDirectoryName(Write("rules/heron.example/heron.example.yaml", HeronRule)))!;
        var page = Write("page.html", HeronPage);

        var result = Run("extract", page, "--rules", rules);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("newsrules: rules: 1 rule from " + Path.GetRelativePath(Directory.GetCurrentDirectory(), rules) + Path.DirectorySeparatorChar + " (--rules)\n", result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("Heron", json.RootElement.GetProperty("site").GetString());
        Assert.Equal("Coast", json.RootElement.GetProperty("fields").GetProperty("Desk").GetString());
    }

    [Fact]
    public void A_page_of_a_built_in_site_is_not_extracted_by_the_built_in_rule_when_a_rules_folder_is_given()
    {
        var rules = Path.GetDirectoryName(Path.GetDirectoryName(Write("rules/heron.example/heron.example.yaml", HeronRule)))!;

        var result = Run("extract", SampleFiles.PagePath("arabic.rt.com/lavrov-mali.html"), "--rules", rules, "--no-fallback");

        Assert.Equal(ExitCodes.ExtractionProblems, result.ExitCode);
        Assert.Contains("no rule for host 'arabic.rt.com' (rules exist for: heron.example)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_and_batch_say_which_rules_they_ran()
    {
        var rules = Path.GetDirectoryName(Path.GetDirectoryName(Write("rules/heron.example/heron.example.yaml", HeronRule)))!;
        var page = Write("pages/page.html", HeronPage);

        var report = Run("report", page, "--rules", rules, "--out", Path.Combine(temp.FullName, "page.report.html"));
        var batch = Run("batch", Path.Combine(temp.FullName, "pages"), "--rules", rules, "--out", Path.Combine(temp.FullName, "out.jsonl"));

        Assert.Equal(0, report.ExitCode);
        Assert.Contains("(--rules)", report.Error, StringComparison.Ordinal);
        Assert.Contains("rule Heron from heron.example.yaml (loaded at run time)", File.ReadAllText(Path.Combine(temp.FullName, "page.report.html")), StringComparison.Ordinal);
        Assert.Equal(0, batch.ExitCode);
        Assert.Contains("newsrules: rules: 1 rule from", batch.Error, StringComparison.Ordinal);
        Assert.Contains("\"site\":\"Heron\"", File.ReadAllText(Path.Combine(temp.FullName, "out.jsonl")).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("report")]
    [InlineData("batch")]
    [InlineData("evaluate")]
    [InlineData("conformance")]
    [InlineData("accept")]
    [InlineData("new")]
    public void Every_verb_that_runs_or_finds_rules_has_the_rules_option(string verb)
    {
        var result = Run(verb, "--help");

        Assert.Contains("--rules", result.Output, StringComparison.Ordinal);
    }
}
