using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NewsRules.Engine;
using NewsRules.Generators;

namespace NewsRules.Benchmarks.Generator;

/// <summary>
/// <c>Sites.ForUrl</c> per call at several catalog sizes (issue 18 item 2, issue 23 item 4):
/// for each size, the synthetic rules (<see cref="SyntheticRules"/>) are generated, compiled and
/// loaded in this process, then the generated <c>Sites.ForUrl</c> and the scan of every rule
/// that it replaced (<see cref="ExtractorRegistry.Find(IEnumerable{IArticleExtractor}, Uri)"/> over
/// a plain array of the same extractors) pick the extractor for the same URLs, in alternated
/// rounds; both must pick the same extractor for every URL. Also timed: the first
/// <c>ForUrl</c> on a freshly loaded catalog (what building the registry costs) and building
/// every extractor (<c>Sites.All</c> enumerated).
/// Run: <c>dotnet run -c Release --project tests/NewsRules.Benchmarks -- dispatch [sizes…]</c>.
/// </summary>
internal static class DispatchTiming
{
    private const int Rounds = 7;

    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : new[] { 80, 260, 2000 };
        Console.WriteLine("| rules | URLs | first ForUrl on a fresh catalog | all extractors built | ForUrl(Uri), map (ns/call) | scan of every rule (ns/call) | ForUrl(string), map (ns/call) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            Measure(size);
        }

        return 0;
    }

    private static void Measure(int size)
    {
        var assembly = Generate(size);
        var sites = assembly.GetType("Dispatch.Generated.Sites") ?? throw new InvalidOperationException("No Sites type was generated.");
        var forUri = sites.GetMethod("ForUrl", new[] { typeof(Uri) })!.CreateDelegate<Func<Uri, IArticleExtractor?>>();
        var forString = sites.GetMethod("ForUrl", new[] { typeof(string) })!.CreateDelegate<Func<string, IArticleExtractor?>>();

        var clock = Stopwatch.StartNew();
        forUri(new Uri("https://first-call.example/"));
        var firstCall = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var all = ((IReadOnlyList<IArticleExtractor>)sites.GetProperty("All")!.GetValue(null)!).ToArray();
        var buildAll = clock.Elapsed.TotalMilliseconds;

        // Per rule: its domain, a subdomain of it, an article-like path and a bare path; and as
        // many hosts that no rule serves.
        var strings = new List<string>();
        for (var i = 0; i < all.Length; i++)
        {
            var domain = all[i].Domains[0];
            strings.Add($"https://{domain}/2024/05/01/story-{i}.html");
            strings.Add($"https://www.{domain}/news/{i}");
            strings.Add($"https://nobody-{i}.example.org/2024/story");
        }

        var uris = strings.Select(s => new Uri(s)).ToArray();
        foreach (var uri in uris)
        {
            var mapped = forUri(uri);
            var scanned = ExtractorRegistry.Find(all, uri);
            if (!ReferenceEquals(mapped, scanned))
            {
                throw new InvalidOperationException($"{uri}: the map picks {mapped?.Site ?? "none"}, the scan {scanned?.Site ?? "none"}.");
            }
        }

        var map = new List<double>();
        var scan = new List<double>();
        var text = new List<double>();
        var repeat = Math.Max(1, 200_000 / uris.Length);
        for (var round = 0; round < Rounds; round++)
        {
            map.Add(Time(uris, repeat, uri => forUri(uri)));
            scan.Add(Time(uris, Math.Max(1, repeat * 80 / Math.Max(80, size)), uri => ExtractorRegistry.Find(all, uri)));
            text.Add(Time(strings.ToArray(), repeat, url => forString(url)));
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {size:N0} | {uris.Length:N0} | {firstCall:F1} ms | {buildAll:F0} ms | {Median(map):F0} | {Median(scan):F0} | {Median(text):F0} |"));
    }

    private static double Time<T>(T[] inputs, int repeat, Func<T, IArticleExtractor?> pick)
    {
        var found = 0;
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < repeat; r++)
        {
            foreach (var input in inputs)
            {
                found += pick(input) is null ? 0 : 1;
            }
        }

        var elapsed = clock.Elapsed.TotalNanoseconds;
        GC.KeepAlive(found);
        return elapsed / (repeat * (double)inputs.Length);
    }

    private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

    private static Assembly Generate(int size)
    {
        var rules = SyntheticRules.Create(size).Cast<AdditionalText>().ToImmutableArray();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            $"Dispatch.Generated.N{size}",
            Array.Empty<SyntaxTree>(),
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        CSharpGeneratorDriver.Create(
                new[] { new RuleGenerator().AsSourceGenerator() },
                rules,
                parse,
                new NamespaceOptionsProvider("Dispatch.Generated"))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var image = new MemoryStream();
        var result = output.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated catalog does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        image.Position = 0;
        return new AssemblyLoadContext($"Dispatch{size}", isCollectible: true).LoadFromStream(image);
    }

    private static IEnumerable<MetadataReference> References()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
            .Concat(new[] { typeof(Article).Assembly.Location, typeof(AngleSharp.Dom.IDocument).Assembly.Location })
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
    }
}
