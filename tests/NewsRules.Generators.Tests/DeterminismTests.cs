namespace NewsRules.Generators.Tests;

/// <summary>Same rules in, same bytes out: on every run, machine, file order and checkout path.</summary>
public sealed class DeterminismTests
{
    private static readonly RuleFile[] Rules =
    {
        new("/home/builder/checkout/rules/gazette.example/gazette.example.yaml", EmitTests.Gazette.Yaml),
        new(@"C:\Users\builder\checkout\rules\other.example\other.example.yaml", RuleText.Valid("Other", "other.example", "urls: ['^/a/']")),
    };

    [Fact]
    public void Two_runs_give_identical_sources()
    {
        var first = GeneratorHarness.Run(Rules).Sources;
        var second = GeneratorHarness.Run(Rules).Sources;

        Assert.Equal(new[] { "Gazette.g.cs", "Other.g.cs", "Sites.g.cs" }, first.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(first, second);
    }

    [Fact]
    public void File_order_does_not_change_the_sources()
    {
        var forward = GeneratorHarness.Run(Rules).Sources;
        var backward = GeneratorHarness.Run(Rules.Reverse().ToArray()).Sources;

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Sources_use_newline_line_endings_only()
    {
        // Rule text with Windows line endings must not leak \r into the emitted code.
        var crlf = new RuleFile(Rules[0].Path, Rules[0].Yaml.Replace("\n", "\r\n"));

        var sources = GeneratorHarness.Run(crlf, Rules[1]).Sources;

        Assert.All(sources.Values, source => Assert.DoesNotContain('\r', source));
        Assert.All(sources.Values, source => Assert.EndsWith("}\n", source, StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_name_the_rule_file_but_not_its_absolute_path()
    {
        var sources = GeneratorHarness.Run(Rules).Sources;

        Assert.Contains("<c>gazette.example.yaml</c>", sources["Gazette.g.cs"]);
        Assert.Contains("<c>other.example.yaml</c>", sources["Other.g.cs"]);
        Assert.Contains("<c>gazette.example.yaml</c>", sources["Sites.g.cs"]);
        Assert.All(sources.Values, source =>
        {
            Assert.DoesNotContain("/home/builder", source);
            Assert.DoesNotContain("checkout", source);
            Assert.DoesNotContain(@"C:\", source);
            Assert.DoesNotContain(@"C:\\", source);
        });
    }

    [Fact]
    public void Crlf_rule_compiles_to_the_same_code_as_lf_rule()
    {
        var lf = GeneratorHarness.Run(Rules[0]).Sources;
        var crlf = GeneratorHarness.Run(new RuleFile(Rules[0].Path, Rules[0].Yaml.Replace("\n", "\r\n"))).Sources;

        Assert.Equal(lf, crlf);
    }
}
