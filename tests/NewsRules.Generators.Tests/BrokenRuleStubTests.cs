using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NewsRules.Generators.Tests;

/// <summary>
/// A broken rule keeps its generated types (as stand-ins that throw), so that code calling
/// them compiles and a build with one YAML mistake shows the NR error(s) at the YAML and
/// nothing else: no CS0246/CS0117 at every call site.
/// </summary>
public sealed class BrokenRuleStubTests
{
    // Code that uses the rule 'Example' as a user's project would.
    private const string ExampleCaller = """
        namespace User;

        public static class Caller
        {
            public static string? Title(string html)
            {
                Test.Sites.ExampleArticle article = Test.Sites.Sites.Example.Extract(html, "https://example.com/a");
                NewsRules.IArticleExtractor extractor = Test.Sites.Sites.Example;
                return article.Title + extractor.Site + Test.Sites.ExampleExtractor.Definition.Site;
            }
        }
        """;

    // Code that uses the rule 'Heron' and its two custom fields.
    private const string HeronCaller = """
        using System.Collections.Generic;

        namespace User;

        public static class Caller
        {
            public static string Describe(string html)
            {
                Test.Sites.HeronArticle article = Test.Sites.Sites.Heron.Extract(html, "https://heron.example/a");
                IReadOnlyList<string> topics = article.Topics;
                string? desk = article.Desk;
                return desk + topics.Count;
            }
        }
        """;

    /// <summary>Every broken rule of <see cref="BrokenRules.All"/> whose site name is 'Example' (the others have no usable name).</summary>
    public static TheoryData<string> BrokenExampleRules()
    {
        var names = new TheoryData<string>();
        foreach (var rule in ExampleRules())
        {
            names.Add(rule.Name);
        }

        return names;
    }

    private static IEnumerable<BrokenRule> ExampleRules() =>
        BrokenRules.All.Where(r => r.Yaml.StartsWith("site: Example\n", StringComparison.Ordinal) || r.Yaml.Contains("\nsite: Example\n", StringComparison.Ordinal));

    [Fact]
    public void The_theory_covers_every_NR_error_a_named_rule_can_have()
    {
        var ids = ExampleRules().Select(r => r.Id).ToHashSet();

        // NR0007, NR0008 and NR0014 have their own tests below; NR0015 is the generator's own failure.
        foreach (var id in new[] { "NR0001", "NR0002", "NR0003", "NR0004", "NR0005", "NR0006", "NR0009", "NR0010", "NR0011", "NR0012", "NR0013" })
        {
            Assert.Contains(id, ids);
        }
    }

    [Theory]
    [MemberData(nameof(BrokenExampleRules))]
    public void Broken_rule_gives_its_NR_error_and_no_compile_error_at_the_call_site(string name)
    {
        var rule = BrokenRules.All.Single(r => r.Name == name);

        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(ExampleCaller), rule.File);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(rule.Id, diagnostic.Id);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Oversized_rule_keeps_its_types()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(ExampleCaller), BrokenRules.Oversized());

        Assert.Equal("NR0014", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Duplicate_domain_gives_its_NR_error_only()
    {
        var files = BrokenRules.DuplicateDomain().Concat(new[] { BrokenRuleIn("example", RuleText.Minimal) }).ToArray();

        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(ExampleCaller), files);

        Assert.Equal("NR0008", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Custom_fields_of_a_rule_with_a_bad_selector_keep_their_types()
    {
        var heron = BrokenRuleIn("heron", RuleText.Lines(
            "site: Heron",
            "domains: [heron.example]",
            "title: h1",
            "body: .story",
            "fields:",
            "  Topics: { select: '.topics a[[', many: true }",
            "  Desk: .desk"));

        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(HeronCaller), heron);

        Assert.Equal("NR0003", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Custom_fields_of_a_file_that_is_not_YAML_are_found_line_by_line()
    {
        // A tab in the indentation: the YAML cannot be read at all.
        var heron = BrokenRuleIn("heron", RuleText.Lines(
            "site: 'Heron'   # the paper",
            "domains: [heron.example]",
            "title: h1",
            "body: .story",
            "fields:",
            "  Topics:",
            "    select: '.topics a'",
            "    many: true",
            "  Desk: .desk",
            "\tjunk: .ad"));

        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(HeronCaller), heron);

        Assert.Equal("NR0001", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Custom_fields_indented_with_a_tab_among_spaces_are_found()
    {
        var heron = BrokenRuleIn("heron", RuleText.Lines(
            "site: Heron",
            "domains: [heron.example]",
            "title: h1",
            "body: .story",
            "fields:",
            "\tDesk: .desk",
            "  Topics: { select: '.topics a', many: true }"));

        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(HeronCaller), heron);

        Assert.Equal("NR0001", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Stand_in_serves_no_URL_and_throws_naming_the_file_when_called()
    {
        var broken = BrokenRuleIn("example", RuleText.Minimal + "laed: .summary\n");
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(), broken, EmitTests.Gazette);
        Assert.Equal("NR0002", Assert.Single(run.Diagnostics).Id);

        using var assembly = GeneratedAssembly.Load(run.Output);
        var all = (IReadOnlyList<IArticleExtractor>)assembly.SitesMember("All");
        Assert.Equal(new[] { "Gazette" }, all.Select(e => e.Site));
        Assert.Null(assembly.ForUrl("https://example.com/news/1"));

        var example = (IArticleExtractor)assembly.SitesMember("Example");
        var thrown = Assert.Throws<InvalidOperationException>(() => example.Extract("<html><h1>T</h1></html>", "https://example.com/news/1"));
        Assert.Contains("'Example' (example.yaml) has errors", thrown.Message);
        Assert.Contains("Fix the NR errors the build reports at example.yaml", thrown.Message);
    }

    [Fact]
    public void A_valid_rule_owning_the_site_name_wins_over_a_broken_one()
    {
        // Both say 'site: Example'; the valid one's file comes first, so it owns the name.
        var valid = new RuleFile("/rules/a/a.yaml", RuleText.Minimal);
        var broken = new RuleFile("/rules/b/b.yaml", RuleText.Lines("site: Example", "domains: [other.example]", "title: h1", "body: '.x@y'"));

        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(ExampleCaller), valid, broken);

        Assert.Equal(new[] { "NR0003", "NR0007" }, run.Diagnostics.Select(d => d.Id).Order());
        Assert.Empty(run.CompileErrors);
        Assert.Contains("example.com", run.Sources["Example.g.cs"]);
    }

    private static RuleFile BrokenRuleIn(string name, string yaml) => new($"/rules/{name}/{name}.yaml", yaml);
}
