using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace NewsRules.Generators.Tests;

/// <summary>
/// A compilation (with the generated sources in it) emitted to memory and loaded into a
/// collectible load context, so tests can call the generated extractors. NewsRules and
/// AngleSharp resolve from the default context, so <see cref="Article"/> is the test's own type.
/// </summary>
internal sealed class GeneratedAssembly : IDisposable
{
    private readonly AssemblyLoadContext context;

    private GeneratedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        this.context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static GeneratedAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, "Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var context = new AssemblyLoadContext("NewsRules.Generators.Tests." + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new GeneratedAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>The generated <c>Sites</c> registry's type.</summary>
    public Type Sites => TypeNamed($"{GeneratorHarness.TargetNamespace}.Sites");

    public Type TypeNamed(string fullName) =>
        Assembly.GetType(fullName) ?? throw new InvalidOperationException($"The generated assembly has no type {fullName}.");

    /// <summary>A static property of <c>Sites</c>, e.g. <c>Sites.All</c> or <c>Sites.Example</c>.</summary>
    public object SitesMember(string name) =>
        Sites.GetProperty(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"Sites has no static property {name}.");

    /// <summary>Calls the generated <c>Sites.ForUrl(string)</c>.</summary>
    public IArticleExtractor? ForUrl(string url) =>
        (IArticleExtractor?)Sites.GetMethod("ForUrl", new[] { typeof(string) })!.Invoke(null, new object[] { url });

    public void Dispose() => context.Unload();
}
