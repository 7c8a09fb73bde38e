using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NewsRules.Generators;

namespace NewsRules.Robustness;

/// <summary>
/// Runs the rule generator as the compiler does (after tests/NewsRules.Generators.Tests/
/// GeneratorHarness.cs): rule files as AdditionalFiles, decoded from their bytes by the
/// compiler's own decoder (strict UTF-8, else its legacy code page fallback), references
/// from the running framework plus the NewsRules runtime and AngleSharp.
/// </summary>
internal static class GeneratorHarness
{
    public const string TargetNamespace = "Robustness.Sites";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(BuildReferences);

    public sealed record Run(Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorRunResult Result)
    {
        public IReadOnlyList<Diagnostic> In(string path) =>
            Diagnostics.Where(d => d.Location.GetLineSpan().Path == path).ToList();

        public IReadOnlyList<Diagnostic> CompileErrors =>
            Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    public static Run RunOn(IEnumerable<string> ruleFiles)
    {
        var texts = ruleFiles.Select(path => (AdditionalText)new FileText(path)).ToImmutableArray();
        var compilation = CSharpCompilation.Create(
            "Robustness.Generated",
            Array.Empty<SyntaxTree>(),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RuleGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new OptionsProvider(TargetNamespace));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new Run(output, diagnostics, driver.GetRunResult().Results.Single());
    }

    /// <summary>Emits the compilation and loads it into a collectible context; NewsRules resolves from the test's own.</summary>
    public static (AssemblyLoadContext Context, Assembly Assembly) Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, "Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var context = new AssemblyLoadContext("Robustness." + Guid.NewGuid().ToString("N"), isCollectible: true);
        return (context, context.LoadFromStream(image));
    }

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
        return trusted
            .Concat(new[] { typeof(Article).Assembly.Location, typeof(AngleSharp.Dom.IDocument).Assembly.Location })
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    /// <summary>
    /// A rule file read the way csc reads AdditionalFiles: Roslyn's internal
    /// <c>EncodedStringText.Create</c>, which tries strict UTF-8 (a BOM decides first) and falls
    /// back to a legacy code page, so a non-UTF-8 file arrives as mojibake with that encoding.
    /// </summary>
    private sealed class FileText(string path) : AdditionalText
    {
        private static readonly MethodInfo Create = typeof(SourceText).Assembly
            .GetType("Microsoft.CodeAnalysis.Text.EncodedStringText", throwOnError: true)!
            .GetMethods(BindingFlags.NonPublic | BindingFlags.Static)
            .Single(m => m.Name == "Create" && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(Stream), typeof(System.Text.Encoding), typeof(SourceHashAlgorithm), typeof(bool) }));

        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            using var stream = File.OpenRead(Path);
            try
            {
                return (SourceText)Create.Invoke(null, new object?[] { stream, null, SourceHashAlgorithm.Sha256, false })!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is InvalidDataException)
            {
                // csc reports such a file itself and hands the generator no text.
                return null;
            }
        }
    }

    private sealed class OptionsProvider(string targetNamespace) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } =
            new Options(new Dictionary<string, string> { ["build_property.NewsRulesNamespace"] = targetNamespace });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
