using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;
using NewsRules.Benchmarks.Extraction;
using NewsRules.Benchmarks.Generator;

namespace NewsRules.Benchmarks.Reporting;

/// <summary>
/// The issue's targets against the run's own numbers: per-page ratios (medians over the
/// measured pages) from <see cref="PageBenchmarks"/>, totals from <see cref="CorpusBenchmarks"/>,
/// and the generator's full and incremental runs. Times are BenchmarkDotNet medians.
/// </summary>
internal static class TargetReport
{
    private const string Parse = nameof(PageBenchmarks.ParseOnly);
    private const string Generated = nameof(PageBenchmarks.ParseAndGenerated);
    private const string Interpreted = nameof(PageBenchmarks.ParseAndInterpreted);
    private const string Smart = nameof(PageBenchmarks.SmartReader);
    private const string ExtractOnly = nameof(PageBenchmarks.ExtractOnly);

    public static string Build(IReadOnlyList<Summary> summaries, int pageCount)
    {
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.Success && r.ResultStatistics is not null).ToList();
        var perPage = reports
            .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(PageBenchmarks))
            .GroupBy(r => r.BenchmarkCase.Parameters["Page"]?.ToString() ?? "?")
            .Select(g => g.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, Measure.Of))
            .Where(m => m.ContainsKey(Parse))
            .ToList();
        var total = reports
            .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(CorpusBenchmarks))
            .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, Measure.Of);
        var generator = reports
            .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(GeneratorBenchmarks))
            .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, Measure.Of);

        var text = new StringBuilder();
        text.AppendLine("## Targets (issue 7)");
        text.AppendLine();
        text.AppendLine($"Per page: median over the {perPage.Count} pages of the per-page benchmarks. Corpus: totals over all {pageCount} pages (one operation = every page).");
        text.AppendLine();
        text.AppendLine("| target | per page (median) | corpus total | met |");
        text.AppendLine("|---|---|---|---|");
        Row(text, "parse + extract ≤ 1.15 × parse only", perPage, total, m => Ratio(m, Generated, Parse), v => v <= 1.15, "×");
        Row(text, "extraction allocations ≤ 25% of the parse's ((parse+generated − parse) / parse)", perPage, total, m => AllocShare(m, Generated), v => v <= 0.25, "%");
        Row(text, "  same, extraction alone on a parsed page (extract only / parse)", perPage, total, m => Alloc(m, ExtractOnly) / Alloc(m, Parse), v => v <= 0.25, "%");
        Row(text, "≥ 10 × faster than SmartReader (SmartReader / parse+generated)", perPage, total, m => Ratio(m, Smart, Generated), v => v >= 10, "×");
        Row(text, "interpreted within 1.1 × of generated (parse+interpreted / parse+generated)", perPage, total, m => Ratio(m, Interpreted, Generated), v => v <= 1.1, "×");
        text.AppendLine();

        if (total.ContainsKey(Parse) && pageCount > 0)
        {
            text.AppendLine($"Corpus, average per page (total / {pageCount}):");
            text.AppendLine();
            text.AppendLine("| | time | allocated |");
            text.AppendLine("|---|---|---|");
            foreach (var (name, label) in new[] { (Parse, "parse only"), (Generated, "parse + generated"), (Interpreted, "parse + interpreted"), (Smart, "SmartReader"), (ExtractOnly, "extract only (parsed page, reused)") })
            {
                if (total.TryGetValue(name, out var m))
                {
                    text.AppendLine($"| {label} | {Ms(m.Nanoseconds / pageCount)} | {Kb(m.Bytes / pageCount)} |");
                }
            }

            text.AppendLine();
        }

        if (generator.TryGetValue(nameof(GeneratorBenchmarks.FullRun), out var full) && generator.TryGetValue(nameof(GeneratorBenchmarks.IncrementalRun), out var incremental))
        {
            text.AppendLine("| generator, 2,000 rules | measured | target | met |");
            text.AppendLine("|---|---|---|---|");
            text.AppendLine($"| full run | {Ms(full.Nanoseconds)} | < 2 s | {Met(full.Nanoseconds < 2e9)} |");
            var cheaper = full.Nanoseconds / incremental.Nanoseconds;
            text.AppendLine($"| incremental run after one rule edited | {Ms(incremental.Nanoseconds)} ({cheaper.ToString("0.0", CultureInfo.InvariantCulture)} × cheaper) | ≥ 20 × cheaper | {Met(cheaper >= 20)} |");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string target, List<Dictionary<string, Measure>> perPage, Dictionary<string, Measure> total, Func<Dictionary<string, Measure>, double> value, Func<double, bool> meets, string unit)
    {
        var values = perPage.Select(m => Safe(value, m)).Where(v => !double.IsNaN(v)).ToList();
        var median = values.Count == 0 ? double.NaN : Median(values);
        var corpus = total.Count == 0 ? double.NaN : Safe(value, total);
        var verdicts = new[] { median, corpus }.Where(v => !double.IsNaN(v)).Select(meets).ToList();
        var met = verdicts.Count == 0 ? "—" : verdicts.All(v => v) ? "yes" : verdicts.Any(v => v) ? "per page only" : "no";
        if (verdicts.Count == 2 && !verdicts[0] && verdicts[1])
        {
            met = "total only";
        }

        text.AppendLine($"| {target} | {Format(median, unit)}{(values.Count > 0 ? $" (range {Format(values.Min(), unit)}–{Format(values.Max(), unit)})" : string.Empty)} | {Format(corpus, unit)} | {met} |");
    }

    private static double Safe(Func<Dictionary<string, Measure>, double> value, Dictionary<string, Measure> measures)
    {
        try
        {
            return value(measures);
        }
        catch (KeyNotFoundException)
        {
            return double.NaN;
        }
    }

    private static double Ratio(Dictionary<string, Measure> m, string a, string b) => m[a].Nanoseconds / m[b].Nanoseconds;

    private static double Alloc(Dictionary<string, Measure> m, string name) => m[name].Bytes;

    private static double AllocShare(Dictionary<string, Measure> m, string name) => (m[name].Bytes - m[Parse].Bytes) / m[Parse].Bytes;

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Format(double value, string unit) =>
        double.IsNaN(value) ? "not measured"
        : unit == "%" ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
        : value.ToString("0.00", CultureInfo.InvariantCulture) + " ×";

    private static string Ms(double nanoseconds) => (nanoseconds / 1e6).ToString("0.000", CultureInfo.InvariantCulture) + " ms";

    private static string Kb(double bytes) => (bytes / 1024).ToString("0", CultureInfo.InvariantCulture) + " KB";

    private static string Met(bool met) => met ? "yes" : "no";

    private readonly record struct Measure(double Nanoseconds, double Bytes)
    {
        public static Measure Of(BenchmarkReport report) =>
            new(report.ResultStatistics!.Median, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN);
    }
}
