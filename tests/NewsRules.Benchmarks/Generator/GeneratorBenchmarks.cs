using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NewsRules.Generators;

namespace NewsRules.Benchmarks.Generator;

/// <summary>
/// The source generator at scale, driven as the compiler drives it (CSharpGeneratorDriver,
/// rule files as AdditionalFiles, no step tracking): a full run over 2,000 rules from a new
/// driver, and an incremental run of a driver that already ran after one rule file changed.
/// </summary>
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Incremental runs made in setup, past the JIT's 30 calls before it optimizes a method.</summary>
    private const int WarmupRuns = 40;

    private ImmutableArray<AdditionalText> rules;
    private CSharpCompilation compilation = null!;
    private GeneratorDriver warm = null!;
    private AdditionalText original = null!;
    private AdditionalText edited = null!;

    [Params(2000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var texts = SyntheticRules.Create(Rules);
        rules = texts.Cast<AdditionalText>().ToImmutableArray();
        compilation = CSharpCompilation.Create(
            "NewsRules.Benchmarks.Generated",
            Array.Empty<SyntaxTree>(),
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        warm = NewDriver().RunGenerators(compilation);
        Check(warm, "the full run");
        original = texts[Rules / 2];
        edited = SyntheticRules.Edit(texts[Rules / 2]);
        Check(warm.ReplaceAdditionalText(original, edited).RunGenerators(compilation), "the incremental run");

        // The driver's per-run code (Roslyn's and ours) runs once per incremental run, so after
        // BenchmarkDotNet's few warmup iterations it is still tier-0 JIT code, and the first
        // dozen runs cost 2 to 10 times the steady state. A compiler server or an IDE runs the
        // same driver hundreds of times: measure that steady state.
        for (var i = 0; i < WarmupRuns; i++)
        {
            warm.ReplaceAdditionalText(original, edited).RunGenerators(compilation);
        }
    }

    [Benchmark(Baseline = true, Description = "Full run")]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(compilation);

    [Benchmark(Description = "Incremental, one rule edited")]
    public GeneratorDriver IncrementalRun() => warm.ReplaceAdditionalText(original, edited).RunGenerators(compilation);

    private GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new RuleGenerator().AsSourceGenerator() },
            rules,
            ParseOptions,
            new NamespaceOptionsProvider("NewsRules.Benchmarks.Generated"),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    // The run must have produced what a build would: one extractor per rule plus the registry, no errors.
    private void Check(GeneratorDriver driver, string what)
    {
        var result = driver.GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"In {what}, the generator reported {errors.Count} error(s) on the synthetic rules, so its time is not that of a real build. First: {errors[0]}. " +
                "Fix how Generator/SyntheticRules.cs renames sites and domains.");
        }

        var sources = result.Results.Sum(r => r.GeneratedSources.Length);
        if (sources < Rules + 1)
        {
            throw new InvalidOperationException($"In {what}, the generator emitted {sources} source(s) for {Rules} rules; expected one per rule plus the registry.");
        }

        if (result.Results.Any(r => r.Exception is not null))
        {
            throw new InvalidOperationException($"In {what}, the generator threw: {result.Results.First(r => r.Exception is not null).Exception}");
        }
    }
}
