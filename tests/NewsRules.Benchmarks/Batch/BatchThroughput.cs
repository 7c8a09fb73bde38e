using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AngleSharp.Dom;
using NewsRules.Benchmarks.Pages;
using NewsRules.Catalog;
using NewsRules.Html;

namespace NewsRules.Benchmarks.Batch;

/// <summary>
/// Issue 24's throughput targets, measured side by side in one run on the same pages:
/// <list type="bullet">
/// <item><b>engine</b>: this process, one thread, each page's HTML text parsed
/// (<see cref="HtmlDocuments.Parse(string)"/>) and extracted with the front door (the rule
/// that serves its URL, else the generic extractor), after warm-up passes;</item>
/// <item><b>batch</b>: <c>newsrules batch</c> as users run it (the Release CLI, its own process,
/// start-up and JIT included) over the same pages saved as files, with 1 and 2 threads.</item>
/// </list>
/// Targets: batch on 1 thread ≥ 0.8 × the engine's pages/s; 2 threads ≥ 1.8 × 1 thread.
/// Wall-clock rates; on a shared machine, run it alone (the ratios are only as good as the quiet).
/// </summary>
internal static class BatchThroughput
{
    private const string PagesVariable = "NEWSRULES_BATCH_PAGES";

    public static int Run(string[] args)
    {
        var copies = IntOption(args, "--copies", 4);
        var runs = IntOption(args, "--runs", 3);
        var (source, files) = FindPages(args);
        Console.WriteLine($"Batch throughput: pages from {source}");

        // The pages both sides can extract: a URL of their own (canonical link or og:url) and no exception.
        var pages = new List<(string File, byte[] Bytes, string Html, Uri Url)>();
        var left = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var document = HtmlDocuments.Parse(bytes.AsSpan());
            if (PageAddress.Find(document) is not { } url)
            {
                left++;
                continue;
            }

            pages.Add((file, bytes, document.Source.Text, url));
        }

        Console.WriteLine($"{pages.Count} pages with a URL of their own ({left} without, left out), {copies} copies each: {pages.Count * copies} records a side");
        if (pages.Count == 0)
        {
            Console.Error.WriteLine("No page to measure.");
            return 1;
        }

        var cli = StringOption(args, "--cli") is { } given ? Path.GetFullPath(given) : BuildCli();
        Console.WriteLine($"CLI: {cli}");
        var folder = Directory.CreateTempSubdirectory("newsrules-batch-bench-").FullName;
        try
        {
            for (var copy = 0; copy < copies; copy++)
            {
                var into = Directory.CreateDirectory(Path.Combine(folder, "pages", $"copy{copy}")).FullName;
                foreach (var (file, bytes, _, _) in pages)
                {
                    File.WriteAllBytes(Path.Combine(into, Path.GetFileName(file)), bytes);
                }
            }

            var engine = new List<double>();
            var one = new List<BatchRun>();
            var two = new List<BatchRun>();
            Engine(pages, copies);
            Engine(pages, copies);
            for (var run = 0; run < runs; run++)
            {
                // Alternate, so that a busier moment of the machine falls on every side alike.
                engine.Add(Engine(pages, copies));
                one.Add(Batch(cli, folder, 1));
                two.Add(Batch(cli, folder, 2));
                Console.WriteLine($"  run {run + 1}: engine {engine[^1]:0.0} pages/s, batch 1 thread {one[^1].PagesPerSecond:0.0}, 2 threads {two[^1].PagesPerSecond:0.0}");
            }

            var report = Report(source, pages.Count * copies, runs, engine, one, two);
            Console.WriteLine();
            Console.WriteLine(report);
            var results = Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts", "results");
            Directory.CreateDirectory(results);
            File.WriteAllText(Path.Combine(results, "batch-throughput.md"), report);
            Console.WriteLine($"Written to {Path.Combine(results, "batch-throughput.md")}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record BatchRun(int Records, double Seconds, double CpuSeconds)
    {
        public double PagesPerSecond => Records / Seconds;
    }

    /// <summary>One pass of the engine over every page, <paramref name="copies"/> times: pages per second.</summary>
    private static double Engine(List<(string File, byte[] Bytes, string Html, Uri Url)> pages, int copies)
    {
        var clock = Stopwatch.StartNew();
        var characters = 0L;
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var page in pages)
            {
                var document = HtmlDocuments.Parse(page.Html);
                var article = Extractor.Extract(document, page.Url, Sites.All);
                characters += article.Text.Length;
            }
        }

        GC.KeepAlive(characters);
        return pages.Count * copies / clock.Elapsed.TotalSeconds;
    }

    private static BatchRun Batch(string cli, string folder, int threads)
    {
        var output = Path.Combine(folder, $"out{threads}.jsonl");

        // A DLL runs with dotnet; a published executable (docs/publish-cli.md) runs itself. The
        // temporary folder as working directory: no rules folder there or above, so the CLI uses
        // the rules compiled into it, the same Sites.All the engine side uses (from the
        // repository, it would load and interpret rules/ instead).
        var dll = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(dll ? "dotnet" : cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in (dll ? new[] { cli } : Array.Empty<string>()).Concat(new[] { "batch", Path.Combine(folder, "pages"), "--out", output, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--progress", "none", "--overwrite" }))
        {
            start.ArgumentList.Add(argument);
        }

        var cpuBefore = ChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = ChildrenCpuSeconds() - cpuBefore;
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"newsrules batch exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }

        var records = File.ReadLines(output).Count();
        return new BatchRun(records, seconds, cpu);
    }

    /// <summary>User + system CPU of the waited-for child processes (Linux getrusage); NaN elsewhere.</summary>
    private static double ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        var usage = new long[18];
        return getrusage(-1, usage) == 0 ? usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6 : double.NaN;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the C function's name
    private static extern int getrusage(int who, long[] usage);
#pragma warning restore SA1300, IDE1006

    private static string Report(string source, int records, int runs, List<double> engine, List<BatchRun> one, List<BatchRun> two)
    {
        var engineRate = Median(engine);
        var oneRate = Median(one.Select(r => r.PagesPerSecond));
        var twoRate = Median(two.Select(r => r.PagesPerSecond));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Batch throughput ({records} records, median of {runs} runs, pages from {source})");
        text.AppendLine();
        text.AppendLine("| | pages/s (wall clock) | each run | CPU ms per page |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| engine in process, 1 thread (parse text + extract) | {engineRate:0.0} | {string.Join(", ", engine.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture)))} | {1000 / engineRate:0.00} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| `newsrules batch --threads 1` (process, files) | {oneRate:0.0} | {Rates(one)} | {Median(one.Select(r => r.CpuSeconds * 1000 / r.Records)):0.00} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| `newsrules batch --threads 2` | {twoRate:0.0} | {Rates(two)} | {Median(two.Select(r => r.CpuSeconds * 1000 / r.Records)):0.00} |");
        text.AppendLine();
        text.AppendLine("| target | measured | met |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| batch, 1 thread ≥ 0.8 × engine | {oneRate / engineRate:0.00} × | {(oneRate / engineRate >= 0.8 ? "yes" : "no")} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| batch, 2 threads ≥ 1.8 × 1 thread | {twoRate / oneRate:0.00} × | {(twoRate / oneRate >= 1.8 ? "yes" : "no")} |");
        return text.ToString();
    }

    private static string Rates(List<BatchRun> runs) => string.Join(", ", runs.Select(r => r.PagesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Builds the Release CLI (quick when it is up to date) and returns its DLL.</summary>
    private static string BuildCli()
    {
        var project = Path.Combine(Repository.Root, "src", "NewsRules.Cli");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in new[] { "build", "-c", "Release", project, "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        Console.WriteLine("Building the Release CLI (dotnet build -c Release src/NewsRules.Cli)…");
        using var build = Process.Start(start)!;
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet build -c Release src/NewsRules.Cli failed; see above.");
        }

        return Path.Combine(project, "bin", "Release", "net10.0", "NewsRules.Cli.dll");
    }

    /// <summary>
    /// <c>--pages DIR</c>, else <c>NEWSRULES_BATCH_PAGES</c>, else the corpus's fundus-dev pages (the
    /// issue's set), else mercury-dev's, else the repository's samples.
    /// </summary>
    private static (string Source, List<string> Files) FindPages(string[] args)
    {
        var given = StringOption(args, "--pages") ?? Environment.GetEnvironmentVariable(PagesVariable);
        var candidates = given is not null
            ? new[] { Path.GetFullPath(given) }
            : new[] { Path.Combine(Repository.CorpusRoot, "fundus-dev", "pages"), Path.Combine(Repository.CorpusRoot, "mercury-dev", "pages") };
        foreach (var folder in candidates)
        {
            if (Directory.Exists(folder))
            {
                var files = Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
                if (files.Count > 0)
                {
                    return (Path.GetRelativePath(Repository.Root, folder), files);
                }
            }
        }

        var samples = Directory.EnumerateFiles(Repository.RulesDirectory, "*.html", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}samples{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        return ("rules/*/samples (no corpus)", samples);
    }

    private static string? StringOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
