using NewsRules.Cli;

namespace NewsRules.Rules.Tests;

/// <summary>The rule author's loop on the command line: check, extract --field, extract --explain.</summary>
public sealed class AuthorCommandsTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("newsrules-cli-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static string RulesDirectory => typeof(AuthorCommandsTests).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RulesDirectory").Value!;

    private static string RtPage => Path.Combine(RulesDirectory, "arabic.rt.com", "samples", "lavrov-mali.html");

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (CliApp.Run(args, output, error), output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(scratch, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Check_passes_the_repository_rules()
    {
        var (exit, output, _) = Run("check", RulesDirectory);

        Assert.Equal(0, exit);
        Assert.Contains(" 0 error(s)", output);
    }

    [Fact]
    public void Check_prints_each_problem_at_its_line_and_column_and_fails()
    {
        var broken = Write("a/a.yaml", "site: A\ndomains: [a.com]\ntitle: h1\nbody: 'div[['\nlaed: p\n");

        var (exit, output, _) = Run("check", broken);

        Assert.Equal(ExitCodes.UsageOrRuleErrors, exit);
        Assert.Contains($"{broken}(4,7): error NR0003:", output);
        Assert.Contains($"{broken}(5,1): error NR0002: 'laed' is not a key of a rule. Did you mean 'lead'?", output);
        Assert.Contains("2 error(s)", output);
    }

    [Fact]
    public void Check_of_several_files_finds_a_domain_claimed_twice()
    {
        Write("x/a.yaml", "site: A\ndomains: [same.com]\ntitle: h1\nbody: p\n");
        Write("x/b.yaml", "site: B\ndomains: [same.com]\ntitle: h1\nbody: p\n");

        var (exit, output, _) = Run("check", Path.Combine(scratch, "x"));

        Assert.Equal(ExitCodes.UsageOrRuleErrors, exit);
        Assert.Contains("b.yaml(2,11): error NR0008: domains: 'same.com' is already claimed by A", output);
    }

    [Fact]
    public void Check_of_a_missing_path_says_so()
    {
        var (exit, _, error) = Run("check", Path.Combine(scratch, "nope.yaml"));

        Assert.Equal(ExitCodes.UsageOrRuleErrors, exit);
        Assert.Contains("is neither a rule file nor a folder", error);
    }

    [Theory]
    [InlineData("title", "لافروف: روسيا ستدعم مالي في حربها ضد الإرهاب\n")]
    [InlineData("Source", "نوفوستي\n")]
    [InlineData("published", "2022-05-20T13:16:00+03:00\n")]
    public void Extract_field_prints_one_field(string field, string expected)
    {
        var (exit, output, _) = Run("extract", RtPage, "--field", field);

        Assert.Equal(0, exit);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Extract_field_of_an_unknown_name_lists_the_fields()
    {
        var (exit, _, error) = Run("extract", RtPage, "--field", "colour");

        Assert.Equal(ExitCodes.UsageOrRuleErrors, exit);
        Assert.Contains("'colour' is not a field of RtArabic", error);
        Assert.Contains("Source", error);
    }

    [Fact]
    public void Extract_explain_shows_alternatives_match_counts_and_junk()
    {
        var (exit, output, error) = Run("extract", RtPage, "--explain", "--field", "title");

        Assert.Equal(0, exit);
        Assert.StartsWith("لافروف", output);
        Assert.Contains("  * .article h1.heading → 1 element", error);
        Assert.Contains("    meta[property=\"og:title\"]@content → 1 element", error);
        Assert.Contains(".banner → removed 1", error);
        Assert.Contains(".read-more → removed 0", error);
    }
}
