using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NewsRules.Generators.Tests;

/// <summary>A rule file for a generator run: where it stands and what it says.</summary>
internal sealed record RuleFile(string Path, string Yaml)
{
    /// <summary>A rule file at <c>/rules/{name}/{name}.yaml</c>, the repository's layout.</summary>
    public static RuleFile Named(string name, string yaml) => new($"/rules/{name}/{name}.yaml", yaml);

    public AdditionalText ToAdditionalText() => new InMemoryAdditionalText(Path, Yaml);
}

/// <summary>
/// Runs <see cref="RuleGenerator"/> the way the compiler does: YAML files as AdditionalFiles,
/// <c>build_property.NewsRulesNamespace</c> from the options, step tracking on. References come
/// from the running framework (Microsoft.CodeAnalysis.Testing's reference packs cannot be
/// downloaded here) plus the NewsRules runtime and AngleSharp.
/// </summary>
internal static class GeneratorHarness
{
    public const string TargetNamespace = "Test.Sites";

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(BuildReferences);

    /// <summary>A compilation of the given C# sources against the framework and the NewsRules runtime.</summary>
    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Test.Generated",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

    /// <summary>A driver holding the rule files, ready to run.</summary>
    public static GeneratorDriver Driver(IEnumerable<AdditionalText> rules, string? targetNamespace = TargetNamespace) =>
        CSharpGeneratorDriver.Create(
            new[] { new RuleGenerator().AsSourceGenerator() },
            rules,
            ParseOptions,
            new TestOptionsProvider(targetNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over the rule files, with an empty C# compilation.</summary>
    public static GeneratorRun Run(params RuleFile[] rules) =>
        Run(Compilation(), rules);

    /// <summary>Runs the generator once over the rule files, with the given compilation.</summary>
    public static GeneratorRun Run(CSharpCompilation compilation, params RuleFile[] rules)
    {
        var texts = rules.Select(r => r.ToAdditionalText()).ToImmutableArray();
        return GeneratorRun.Start(Driver(texts), texts, compilation);
    }

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        // Only the shared framework's own assemblies from the trusted list: the test host's
        // list also holds xunit, Roslyn and the generator, which the user's code never sees.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
        var runtime = new[]
        {
            typeof(Article).Assembly.Location,
            typeof(AngleSharp.Dom.IDocument).Assembly.Location,
        };
        return trusted
            .Concat(runtime)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

/// <summary>
/// One state of a generator driver after a run: the driver (with its caches), the rule files
/// and C# it ran on, and what it produced. <see cref="Then"/> and <see cref="ThenEdit"/> run the
/// same driver again, as an IDE does after an edit.
/// </summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    ImmutableArray<AdditionalText> Texts,
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public static GeneratorRun Start(GeneratorDriver driver, ImmutableArray<AdditionalText> texts, Compilation input)
    {
        var next = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        return new GeneratorRun(next, texts, input, output, diagnostics);
    }

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>The generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Errors in the compilation that includes the generated sources.</summary>
    public IReadOnlyList<Diagnostic> CompileErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>The generator's diagnostics reported in one file.</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsIn(string path) =>
        Diagnostics.Where(d => d.Location.GetLineSpan().Path == path).ToList();

    /// <summary>Runs the same driver again (caches kept) on a different C# compilation.</summary>
    public GeneratorRun Then(Compilation input) => Start(Driver, Texts, input);

    /// <summary>Runs the same driver again (caches kept) after replacing one rule file's text.</summary>
    public GeneratorRun ThenEdit(string path, string yaml)
    {
        var old = Texts.Single(t => t.Path == path);
        var edited = new InMemoryAdditionalText(path, yaml);
        return Start(Driver.ReplaceAdditionalText(old, edited), Texts.Replace(old, edited), Input);
    }
}
