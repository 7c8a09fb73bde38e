using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NewsRules.Generators;

namespace NewsRules.Tests.Support;

/// <summary>
/// The other engine: an inline YAML rule compiled by the source generator (as a build does) into
/// an assembly loaded in this process, so that the engine tests run each rule both interpreted
/// (<c>RuleLoader</c>) and generated, as the .NET Regex tests run every engine. Each distinct rule
/// text is compiled once.
/// </summary>
internal static class GeneratedRule
{
    private static readonly ConcurrentDictionary<string, Lazy<IArticleExtractor>> Compiled = new(StringComparer.Ordinal);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
            .Concat([typeof(Article).Assembly.Location, typeof(AngleSharp.Dom.IDocument).Assembly.Location])
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>The generated extractor of <paramref name="yaml"/> (the only rule of its assembly).</summary>
    public static IArticleExtractor For(string yaml) =>
        Compiled.GetOrAdd(yaml, text => new Lazy<IArticleExtractor>(() => Compile(text))).Value;

    private static IArticleExtractor Compile(string yaml)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "NewsRules.Tests.Generated" + Guid.NewGuid().ToString("N"),
            [],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(
                [new RuleGenerator().AsSourceGenerator()],
                [new Text("/rules/inline/inline.yaml", yaml)],
                parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generator did not compile a rule that RuleLoader loads:\n" + string.Join("\n", errors) + "\n" + yaml);
        }

        using var image = new MemoryStream();
        var result = output.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated rule does not emit:\n" + string.Join("\n", result.Diagnostics));
        }

        image.Position = 0;
        var assembly = new AssemblyLoadContext("NewsRules.Tests.Generated", isCollectible: true).LoadFromStream(image);
        var sites = assembly.GetType("NewsRules.Generated.Sites") ?? throw new InvalidOperationException("No Sites type was generated.");
        var all = (IReadOnlyList<IArticleExtractor>)sites.GetProperty("All")!.GetValue(null)!;
        return all.Single();
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }
}
