using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using NewsRules.Benchmarks.Pages;
using NewsRules.Benchmarks.Reporting;

namespace NewsRules.Benchmarks;

/// <summary>
/// Runs the suite (BenchmarkDotNet's switcher: <c>--filter</c>, <c>--list</c> and its other
/// options work; no arguments runs everything), then prints the issue's targets against the
/// measured numbers and writes them to <c>BenchmarkDotNet.Artifacts/results/targets.md</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "batch")
        {
            // Issue 24: newsrules batch beside the in-process engine (docs/performance.md, "Batch at engine speed").
            return Batch.BatchThroughput.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == Batch.EngineThreads.Verb)
        {
            // Started by the batch benchmark, under the CLI's runtime settings: the engine alone on N threads.
            return Batch.EngineThreads.RunChild(args[1..]);
        }

        if (args.Length > 0 && args[0] == "dispatch")
        {
            // Issues 18 and 23: Sites.ForUrl per call at 80, 260 and 2,000 rules (docs/performance.md, "Host dispatch").
            return Generator.DispatchTiming.Run(args[1..]);
        }

        var pages = PageSet.Current;
        Console.WriteLine($"Pages: {pages.Source}");
        Console.WriteLine($"Per-page benchmarks: {string.Join(", ", pages.PerPage().Select(p => p.Name))}");
        foreach (var skipped in pages.Skipped)
        {
            Console.WriteLine($"  skipped {skipped}");
        }

        if (pages.Pages.Count == 0)
        {
            Console.Error.WriteLine($"No page to measure: neither the corpus ({Repository.CorpusRoot}/mercury-dev) nor a sample under {Repository.RulesDirectory}/*/samples has a rule that serves it.");
            return 1;
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(args.Length == 0 ? new[] { "--filter", "*" } : args, BenchmarkConfig.Create(args))
            .ToList();
        if (summaries.Count == 0)
        {
            return 0;
        }

        var report = TargetReport.Build(summaries, pages.Pages.Count);
        Console.WriteLine();
        Console.WriteLine(report);
        var results = Path.Combine(summaries[0].ResultsDirectoryPath, "targets.md");
        File.WriteAllText(results, report);
        Console.WriteLine($"Targets written to {results}");
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
