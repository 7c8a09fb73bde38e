using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NewsRules.Rules.Definition;

namespace NewsRules.Generators.Tests;

/// <summary>
/// The incremental pipeline redoes only what an edit touches: C# edits touch nothing, a rule
/// edit touches that rule, and a comment edit stops at the model.
/// </summary>
public sealed class CachingTests
{
    private static readonly RuleFile First = RuleFile.Named("first.example", RuleText.Lines(
        "# First rule: a comment before the keys.",
        "site: First",
        "domains: [first.example]",
        "title: h1",
        "body: .article",
        "fields:",
        "  Tags: { select: '.tags a', many: true }"));

    private static readonly RuleFile Second = RuleFile.Named("second.example", RuleText.Valid("Second", "second.example"));

    // A rule with an error: its stand-in types go through the Stub steps, which run only for such rules.
    private static readonly RuleFile Broken = RuleFile.Named("broken.example", RuleText.Valid("Broken", "broken.example") + "laed: .summary\n");

    /// <summary>Every step name the generator declares, read from <see cref="TrackingNames"/>.</summary>
    public static IEnumerable<string> AllStepNames() =>
        typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_declared_step_is_tracked()
    {
        var run = GeneratorHarness.Run(First, Second, Broken);

        Assert.NotEmpty(AllStepNames());
        Assert.All(AllStepNames(), name => Assert.True(run.Result.TrackedSteps.ContainsKey(name), $"No tracked step named {name}."));
    }

    [Fact]
    public void CSharp_only_edit_leaves_every_step_cached()
    {
        var user = CSharpSyntaxTree.ParseText("namespace User; public class Program { }", GeneratorHarness.ParseOptions, path: "Program.cs");
        var first = GeneratorHarness.Run(GeneratorHarness.Compilation().AddSyntaxTrees(user), First, Second, Broken);
        var edited = CSharpSyntaxTree.ParseText("namespace User; public class Program { public int Count; }", GeneratorHarness.ParseOptions, path: "Program.cs");

        var second = first.Then(first.Input.ReplaceSyntaxTree(user, edited));

        foreach (var name in AllStepNames())
        {
            Assert.All(Outputs(second, name), o => AssertReason(name, o.Reason, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged));
        }

        Assert.All(second.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Editing_one_rule_leaves_the_other_rule_cached()
    {
        var first = GeneratorHarness.Run(First, Second);

        var second = first.ThenEdit(First.Path, First.Yaml.Replace("title: h1", "title: h1.headline"));

        Assert.Equal(IncrementalStepRunReason.Cached, OutputFor(second, TrackingNames.Parse, Second.Path).Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, OutputFor(second, TrackingNames.Model, Second.Path).Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, OutputFor(second, TrackingNames.EmitInput, Second.Path).Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, EmitOutputFor(second, Second.Path).Reason);

        Assert.Equal(IncrementalStepRunReason.Modified, OutputFor(second, TrackingNames.Parse, First.Path).Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, OutputFor(second, TrackingNames.Model, First.Path).Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, EmitOutputFor(second, First.Path).Reason);
        Assert.Contains("new global::NewsRules.Engine.Selector(\"h1.headline\")", second.Sources["First.g.cs"]);
        Assert.Equal(first.Sources["Second.g.cs"], second.Sources["Second.g.cs"]);
    }

    [Fact]
    public void Editing_one_rule_selector_leaves_the_registry_cached_and_emits_only_that_rule()
    {
        var third = RuleFile.Named("third.example", RuleText.Valid("Third", "third.example"));
        var first = GeneratorHarness.Run(First, Second, third);

        var second = first.ThenEdit(First.Path, First.Yaml.Replace("title: h1", "title: h1.headline"));

        // The edited rule's model changed, but its registry entry (name, domains, file) did not.
        Assert.Equal(IncrementalStepRunReason.Modified, OutputFor(second, TrackingNames.Model, First.Path).Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, OutputFor(second, TrackingNames.RegistryEntry, First.Path).Reason);
        foreach (var path in new[] { Second.Path, third.Path })
        {
            Assert.Equal(IncrementalStepRunReason.Cached, OutputFor(second, TrackingNames.RegistryEntry, path).Reason);
            Assert.Equal(IncrementalStepRunReason.Cached, OutputFor(second, TrackingNames.Owned, path).Reason);
        }

        Assert.All(Outputs(second, TrackingNames.Registry), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(Outputs(second, TrackingNames.Owners), o => AssertReason(TrackingNames.Owners, o.Reason, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged));
        Assert.All(Outputs(second, TrackingNames.Claims), o => AssertReason(TrackingNames.Claims, o.Reason, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged));

        // The Sites source is not produced again; of the extractors, only the edited rule's is.
        var registryOutputs = SourceOutputsFed(second, TrackingNames.Registry).ToList();
        Assert.NotEmpty(registryOutputs);
        Assert.All(registryOutputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(IncrementalStepRunReason.Modified, EmitOutputFor(second, First.Path).Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, EmitOutputFor(second, Second.Path).Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, EmitOutputFor(second, third.Path).Reason);

        // Every source-output step that ran again was fed by the edited file alone.
        var rerun = second.Result.TrackedOutputSteps.SelectMany(s => s.Value)
            .Where(s => s.Outputs.Any(o => o.Reason != IncrementalStepRunReason.Cached))
            .ToList();
        Assert.NotEmpty(rerun);
        Assert.All(rerun, s => Assert.All(s.Inputs, i => Assert.Equal(First.Path, PathOf(i.Source.Outputs[i.OutputIndex].Value))));

        // The sources are those of a fresh run on the edited files: one changed, the others the same.
        var fresh = GeneratorHarness.Run(RuleFile.Named("first.example", First.Yaml.Replace("title: h1", "title: h1.headline")), Second, third);
        Assert.Equal(fresh.Sources, second.Sources);
        Assert.Equal(
            new[] { "First.g.cs" },
            second.Sources.Where(s => first.Sources[s.Key] != s.Value).Select(s => s.Key).ToArray());
    }

    [Fact]
    public void Adding_a_rule_emits_only_its_extractor_and_the_registry()
    {
        var first = GeneratorHarness.Run(First, Second);
        var third = RuleFile.Named("third.example", RuleText.Valid("Third", "third.example"));

        var driver = first.Driver.AddAdditionalTexts(ImmutableArray.Create(third.ToAdditionalText()));
        var second = GeneratorRun.Start(driver, first.Texts.Add(third.ToAdditionalText()), first.Input);

        // The owner list changed, but each old rule still owns its name: its extractor stays cached.
        foreach (var path in new[] { First.Path, Second.Path })
        {
            AssertReason(TrackingNames.Owned, OutputFor(second, TrackingNames.Owned, path).Reason, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            Assert.Equal(IncrementalStepRunReason.Cached, EmitOutputFor(second, path).Reason);
        }

        Assert.Equal(IncrementalStepRunReason.New, EmitOutputFor(second, third.Path).Reason);
        Assert.All(SourceOutputsFed(second, TrackingNames.Registry), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Contains("static () => Third)", second.Sources["Sites.g.cs"]);
    }

    [Theory]
    [InlineData("comment-text-changed")]
    [InlineData("comment-line-appended")]
    public void Comment_only_edit_stops_at_the_model(string edit)
    {
        var first = GeneratorHarness.Run(First, Second);
        var yaml = edit == "comment-text-changed"
            ? First.Yaml.Replace("# First rule: a comment before the keys.", "# The first rule, whose comment grew longer but kept its line.")
            : First.Yaml + "# A trailing note.\n";
        Assert.Equal(First.Yaml.Count(c => c == '\n') + (edit == "comment-line-appended" ? 1 : 0), yaml.Count(c => c == '\n'));

        var second = first.ThenEdit(First.Path, yaml);

        var parse = OutputFor(second, TrackingNames.Parse, First.Path).Reason;
        var model = OutputFor(second, TrackingNames.Model, First.Path).Reason;
        if (edit == "comment-text-changed")
        {
            // Every position after the comment moved, and positions are part of the parse result;
            // the model holds none, so it compares equal.
            Assert.Equal(IncrementalStepRunReason.Modified, parse);
            Assert.Equal(IncrementalStepRunReason.Unchanged, model);
        }
        else
        {
            // Nothing moved: the parse may already compare equal, and then the model is not even rerun.
            AssertReason(TrackingNames.Parse, parse, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged);
            AssertReason(TrackingNames.Model, model, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        }

        AssertReason(TrackingNames.EmitInput, OutputFor(second, TrackingNames.EmitInput, First.Path).Reason, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(Outputs(second, TrackingNames.Registry), o => AssertReason(TrackingNames.Registry, o.Reason, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged));
        Assert.All(Outputs(second, TrackingNames.Owners), o => AssertReason(TrackingNames.Owners, o.Reason, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged));

        // The extractor and registry sources are not produced again.
        Assert.Equal(IncrementalStepRunReason.Cached, EmitOutputFor(second, First.Path).Reason);
        Assert.All(SourceOutputsFed(second, TrackingNames.Registry), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Adding_a_rule_leaves_the_existing_rules_parsed()
    {
        var first = GeneratorHarness.Run(First, Second);
        var third = RuleFile.Named("third.example", RuleText.Valid("Third", "third.example"));

        var driver = first.Driver.AddAdditionalTexts(ImmutableArray.Create(third.ToAdditionalText()));
        var second = GeneratorRun.Start(driver, first.Texts.Add(third.ToAdditionalText()), first.Input);

        foreach (var path in new[] { First.Path, Second.Path })
        {
            Assert.Equal(IncrementalStepRunReason.Cached, OutputFor(second, TrackingNames.Parse, path).Reason);
            Assert.Equal(IncrementalStepRunReason.Cached, OutputFor(second, TrackingNames.Model, path).Reason);
        }

        Assert.Equal(IncrementalStepRunReason.New, OutputFor(second, TrackingNames.Parse, third.Path).Reason);
        Assert.Contains("Third.g.cs", second.Sources.Keys);
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRun run, string step) =>
        run.Result.TrackedSteps[step].SelectMany(s => s.Outputs);

    /// <summary>The one output of a per-file step that belongs to the rule file at <paramref name="path"/>.</summary>
    private static (object Value, IncrementalStepRunReason Reason) OutputFor(GeneratorRun run, string step, string path) =>
        Assert.Single(Outputs(run, step), o => PathOf(o.Value) == path);

    /// <summary>The source-output step that emits the extractor for the rule file at <paramref name="path"/>.</summary>
    private static (object Value, IncrementalStepRunReason Reason) EmitOutputFor(GeneratorRun run, string path) =>
        Assert.Single(
            run.Result.TrackedOutputSteps.SelectMany(s => s.Value)
                .Where(s => s.Inputs.Any(i => i.Source.Name == TrackingNames.EmitInput && PathOf(i.Source.Outputs[i.OutputIndex].Value) == path))
                .SelectMany(s => s.Outputs));

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> SourceOutputsFed(GeneratorRun run, string step) =>
        run.Result.TrackedOutputSteps.SelectMany(s => s.Value)
            .Where(s => s.Inputs.Any(i => i.Source.Name == step))
            .SelectMany(s => s.Outputs);

    private static string? PathOf(object? value) => value switch
    {
        ParsedRule parsed => parsed.Path,
        RuleParseResult result => result.Path,
        RuleSource source => source.Path,
        RegistryEntry entry => entry.Path,
        ValueTuple<RuleSource, string> emitInput => emitInput.Item1.Path,
        _ => null,
    };

    private static void AssertReason(string step, IncrementalStepRunReason actual, params IncrementalStepRunReason[] allowed) =>
        Assert.True(allowed.Contains(actual), $"Step {step} ran with reason {actual}; expected one of {string.Join(", ", allowed)}.");
}
