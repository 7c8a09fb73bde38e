using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace NewsRules.Benchmarks;

/// <summary>
/// A short job, so the whole suite fits in about a quarter of an hour on two shared cores:
/// one process per case, 3 warmup and 10 measured iterations of about 250 ms each. Ratios
/// are against parse-only measured in the same run; the memory diagnoser gives the bytes
/// allocated per operation. Job options on the command line (<c>--job</c>,
/// <c>--iterationCount</c>, <c>--inProcess</c>…) replace the short job.
/// </summary>
internal static class BenchmarkConfig
{
    private static readonly string[] JobOptions =
    {
        "--job", "-j", "--inProcess", "-i", "--launchCount", "--warmupCount", "--minWarmupCount", "--maxWarmupCount",
        "--iterationCount", "--minIterationCount", "--maxIterationCount", "--iterationTime", "--invocationCount",
        "--unrollFactor", "--runOncePerIteration", "--strategy", "--runtimes", "-r",
    };

    public static IConfig Create(string[] args)
    {
        var config = ManualConfig.CreateEmpty();
        if (!args.Any(a => JobOptions.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            config.AddJob(Job.Default
                .WithId("Short")
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithIterationTime(TimeInterval.FromMilliseconds(250)));
        }

        return config
            // The generated runner project rebuilds NewsRules, the generator and the catalog:
            // minutes on two busy cores, past BenchmarkDotNet's 2-minute default.
            .WithBuildTimeout(TimeSpan.FromMinutes(15))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value).WithMaxParameterColumnWidth(40))
            .WithOptions(ConfigOptions.DisableLogFile);
    }
}
