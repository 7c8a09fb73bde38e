using NewsRules.Loading;

namespace NewsRules.Tests.Loading;

/// <summary>Loading rules at run time: errors located at their line and column, and rule sets.</summary>
public sealed class RuleLoaderTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("newsrules-loader-");

    public void Dispose() => directory.Delete(recursive: true);

    private string Write(string relativePath, string yaml)
    {
        var path = Path.Combine(directory.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string Rule(string site, string domain) => $"""
        site: {site}
        domains: [{domain}]
        title: h1
        body: .story
        """;

    [Fact]
    public void LoadText_gives_a_working_extractor()
    {
        var extractor = RuleLoader.LoadText(Rule("Example", "example.com"));

        Assert.Equal("Example", extractor.Site);
        Assert.Equal(["example.com"], extractor.Domains);
        var article = extractor.Extract("<h1>T</h1><div class=story>B</div>", "https://example.com/x");
        Assert.Equal("T", article.Title);
        Assert.Equal("B", article.Text);
    }

    [Fact]
    public void Broken_rule_throws_with_id_line_column_and_message()
    {
        const string yaml = """
            site: Example
            domains: [example.com]
            title: h1
            body: .story
            titel: h2
            """;

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadText(yaml, "broken.yaml"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("NR0002", problem.Id);
        Assert.True(problem.IsError);
        Assert.Equal("broken.yaml", problem.Path);
        Assert.Equal(5, problem.Line);
        Assert.Equal(1, problem.Column);
        Assert.Contains("titel", problem.Message, StringComparison.Ordinal);
        Assert.Contains("title", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_selector_is_located_at_its_value()
    {
        const string yaml = """
            site: Example
            domains: [example.com]
            title: h1
            body: 'div[[['
            """;

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadText(yaml));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("NR0003", problem.Id);
        Assert.Equal(4, problem.Line);
        Assert.Equal(7, problem.Column);
    }

    [Fact]
    public void Every_problem_is_reported_in_file_order()
    {
        const string yaml = """
            site: Example
            domains: [example.com]
            title: h1
            body: .story
            fields:
              Source: { select: p, pattern: '(unclosed' }
            junk: ['a[[']
            """;

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadText(yaml));

        Assert.Equal(["NR0004", "NR0003"], ex.Problems.Select(p => p.Id).ToArray());
        Assert.Equal([6, 7], ex.Problems.Select(p => p.Line).ToArray());
        Assert.All(ex.Problems, p => Assert.True(p.Column >= 1));
    }

    [Fact]
    public void Missing_required_keys_are_errors()
    {
        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadText("site: Example\ndomains: [example.com]\n"));

        Assert.All(ex.Problems, p => Assert.Equal("NR0005", p.Id));
        Assert.Contains(ex.Problems, p => p.Message.Contains("title", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Message.Contains("body", StringComparison.Ordinal));
    }

    [Fact]
    public void Yaml_syntax_error_is_located()
    {
        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadText("site: Example\ndomains: [example.com\ntitle: h1\n"));

        var problem = ex.Problems.First();
        Assert.Equal("NR0001", problem.Id);
        Assert.True(problem.Line >= 2);
        Assert.True(problem.Column >= 1);
    }

    [Fact]
    public void Exception_message_lists_problems_as_compilers_print_them()
    {
        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadText("site: Example\ndomains: [example.com]\ntitle: h1\nbody: .story\nfoo: 1\n", "r/x.yaml"));

        Assert.StartsWith("r/x.yaml(5,1): error NR0002: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_reads_a_rule_and_remembers_its_path()
    {
        var path = Write("example.com/example.com.yaml", Rule("Example", "example.com"));

        var extractor = RuleLoader.LoadFile(path);

        Assert.Equal("Example", extractor.Site);
        Assert.Equal(path, extractor.Path);
    }

    [Fact]
    public void LoadFile_of_a_missing_file_throws_a_located_problem()
    {
        var path = Path.Combine(directory.FullName, "nope.yaml");

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadFile(path));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Equal(1, problem.Line);
        Assert.Equal(1, problem.Column);
    }

    [Fact]
    public void LoadFile_rejects_a_rule_that_is_not_utf8()
    {
        var path = Path.Combine(directory.FullName, "latin1.yaml");
        File.WriteAllBytes(path, [.. "site: Caf"u8.ToArray(), 0xE9, .. "\ndomains: [example.com]\ntitle: h1\nbody: p\n"u8.ToArray()]);

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadFile(path));

        Assert.Contains("UTF-8", Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_accepts_a_utf8_bom()
    {
        var path = Path.Combine(directory.FullName, "bom.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Rule("Example", "example.com"))]);

        Assert.Equal("Example", RuleLoader.LoadFile(path).Site);
    }

    [Fact]
    public void LoadDirectory_loads_every_rule()
    {
        Write("a.com/a.com.yaml", Rule("SiteA", "a.com"));
        Write("b.com/b.com.yml", Rule("SiteB", "b.com"));
        Write("b.com/samples/readme.txt", "not a rule");

        var extractors = RuleLoader.LoadDirectory(directory.FullName);

        Assert.Equal(["SiteA", "SiteB"], extractors.Select(e => e.Site).OrderBy(s => s, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void LoadDirectory_reports_a_domain_claimed_by_two_files()
    {
        var first = Write("one/one.yaml", Rule("One", "example.com"));
        var second = Write("two/two.yaml", Rule("Two", "example.com"));

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadDirectory(directory.FullName));

        Assert.NotEmpty(ex.Problems);
        Assert.All(ex.Problems, p => Assert.Equal("NR0008", p.Id));
        Assert.Contains(ex.Problems, p => p.Path == second && p.Line == 2 && p.Message.Contains("example.com", StringComparison.Ordinal));
        Assert.All(ex.Problems, p => Assert.True(p.Path == first || p.Path == second));
    }

    [Fact]
    public void LoadDirectory_reports_a_site_name_used_twice()
    {
        Write("one/one.yaml", Rule("Same", "one.com"));
        Write("two/two.yaml", Rule("Same", "two.com"));

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadDirectory(directory.FullName));

        Assert.Contains(ex.Problems, p => p.Id == "NR0007");
    }

    [Fact]
    public void LoadDirectory_reports_problems_of_every_file()
    {
        Write("one/one.yaml", Rule("One", "one.com") + "\nbogus: 1\n");
        Write("two/two.yaml", "site: Two\n");

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.LoadDirectory(directory.FullName));

        Assert.Equal(2, ex.Problems.Select(p => p.Path).Distinct().Count());
    }

    [Fact]
    public void Check_returns_problems_without_throwing()
    {
        var good = Write("good.yaml", Rule("Good", "good.com"));
        var bad = Write("bad.yaml", Rule("Bad", "bad.com") + "\nextra: 1\n");

        Assert.Empty(RuleLoader.Check(good));
        Assert.Equal("NR0002", Assert.Single(RuleLoader.Check(bad)).Id);
    }
}
