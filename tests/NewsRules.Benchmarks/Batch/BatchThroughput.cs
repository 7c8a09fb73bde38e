using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
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
/// Batch is measured twice: the whole run over <c>--copies</c> copies of the pages (start-up and
/// JIT included), and the steady state over a longer input, past as many records as the engine
/// side extracted before its first timed pass (its warm-up: at least two passes over the
/// <c>--copies</c> and 2,000 pages) and once the CLI's tier-up JIT is quiet, for at least 10 s;
/// that is the rate users feel on big runs, and the one the targets are judged on
/// (docs/performance.md, "Batch at engine speed", fourth, seventh and eighth rounds).
/// Beside them, not a target: the engine alone on 1 and 2 threads under the CLI's runtime
/// settings (<see cref="EngineThreads"/>), the ceiling two cores of the machine give on the pages.
/// </summary>
internal static class BatchThroughput
{
    private const string PagesVariable = "NEWSRULES_BATCH_PAGES";

    /// <summary>
    /// The engine's untimed passes over the pages before its first timed one: at least two, and
    /// at least <see cref="WarmUpRecords"/> pages in all, so that a small set of pages is not
    /// timed while the JIT still tiers up (fundus-dev's 257 pages at 4 copies: 2 passes, 2,056
    /// pages; 76 pages: 7 passes). Batch's steady state leaves out as many records, so both sides
    /// are measured after the same amount of work: the JIT's tiers (dynamic PGO's instrumented one
    /// included) settle over the same pages.
    /// </summary>
    private static int WarmUpPasses(int recordsAPass) =>
        Math.Max(2, (WarmUpRecords + Math.Max(recordsAPass, 1) - 1) / Math.Max(recordsAPass, 1));

    private const int WarmUpRecords = 2000;

    /// <summary>
    /// The steady state's window: it begins at the first moment past the warm-up at which the
    /// CLI's tier-up JIT has gone quiet (its thread used under <see cref="JitQuiet.Share"/> of a
    /// core over the last second: with 2 threads, the JIT shares the two cores with the workers
    /// and takes seconds longer to settle than with 1), and it lasts at least
    /// <see cref="SteadyWindowRecords"/> records and <see cref="SteadyWindowSeconds"/> seconds
    /// (<c>--steady-seconds</c>); then the run is stopped. The long input holds
    /// <c>--steady-copies</c> copies of the pages (hard links), enough for both on these pages.
    /// </summary>
    private const int SteadyWindowRecords = 4000;

    private const double SteadyWindowSeconds = 10;

    /// <summary>Copies in the long input by default: at least 64, and at least 40,000 records.</summary>
    private static int DefaultSteadyCopies(int warmUpCopies, int pages) =>
        warmUpCopies + Math.Max(64, (40_000 + Math.Max(pages, 1) - 1) / Math.Max(pages, 1));

    /// <summary>The benchmark's arguments (for the options read where the CLI is started).</summary>
    private static string[] Arguments = Array.Empty<string>();

    /// <summary><c>--steady-seconds</c>: the steady-state window's least length.</summary>
    private static double SteadySeconds => StringOption(Arguments, "--steady-seconds") is { } text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : SteadyWindowSeconds;

    private const string Usage = """
        usage: NewsRules.Benchmarks batch [options]
          --pages DIR          the pages (*.html) to measure (default: ../shared/corpus/fundus-dev/pages,
                               else mercury-dev, else the rules' samples; or NEWSRULES_BATCH_PAGES)
          --copies N           copies of the pages for the whole run (default 4)
          --steady-copies N    copies in the steady-state run's input (default: the warm-up
                               plus 64 copies and at least 40,000 records; 0, or no more than
                               the warm-up: no steady state). Its rate is taken from the first
                               moment past as many records as the engine side's warm-up (2
                               passes over the --copies, more where that is under 2,000 pages)
                               at which the CLI's tier-up JIT is quiet, over --steady-seconds
                               and at least 4,000 records; then the run is stopped
          --steady-seconds S   the steady-state window's least length in seconds (default 10)
          --runs N             runs; the report gives their median (default 3)
          --cli PATH           run this CLI (a NewsRules.Cli.dll through dotnet, or an executable)
          --aot | --r2r        publish the CLI natively (PublishAot) or ReadyToRun first, and run that
          --env NAME=VALUE     set a variable for the CLI's process only (repeatable)
          --help               this text
        With a steady state and a CLI that is a DLL, each run also measures the engine alone on 1
        and 2 threads in a process under the CLI's runtimeconfig.json (same window rules): what
        two cores of the machine give the engine itself, to read batch's 2-thread ratio against.
        Run it alone on the machine: the ratios are only as good as the quiet.
        """;

    private static readonly string[] ValueOptions = { "--pages", "--copies", "--steady-copies", "--runs", "--cli", "--env", "--steady-seconds" };
    private static readonly string[] FlagOptions = { "--aot", "--r2r", "--help", "-h" };

    public static int Run(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        for (var i = 0; i < args.Length; i++)
        {
            if (ValueOptions.Contains(args[i]) && i + 1 < args.Length)
            {
                i++;
            }
            else if (!FlagOptions.Contains(args[i]))
            {
                Console.Error.WriteLine(ValueOptions.Contains(args[i]) ? $"batch: {args[i]} needs a value." : $"batch: unknown option '{args[i]}'.");
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }

        Arguments = args;
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
        var warmUpPasses = WarmUpPasses(pages.Count * copies);
        var warmUpCopies = warmUpPasses * copies;
        var steadyCopies = IntOption(args, "--steady-copies", DefaultSteadyCopies(warmUpCopies, pages.Count), allowZero: true);
        if (steadyCopies > warmUpCopies)
        {
            Console.WriteLine($"Steady state: batch over up to {steadyCopies} copies ({pages.Count * steadyCopies} records): the rate past the first {pages.Count * warmUpCopies} (warm-up, as many as the engine side's) once the CLI's tier-up JIT is quiet, over at least {SteadySeconds:0.#} s and {SteadyWindowRecords} records");
        }

        if (pages.Count == 0)
        {
            Console.Error.WriteLine("No page to measure.");
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("newsrules-batch-bench-").FullName;
        try
        {
            var (cli, form) = StringOption(args, "--cli") is { } given
                ? (Path.GetFullPath(given), $"given ({Path.GetFileName(given)})")
                : args.Contains("--aot") ? (PublishCli(Path.Combine(folder, "aot"), "-p:PublishAot=true"), "native AOT (dotnet publish -p:PublishAot=true)")
                : args.Contains("--r2r") ? (PublishCli(Path.Combine(folder, "r2r"), "--self-contained", "false", "-p:PublishReadyToRun=true"), "ReadyToRun (dotnet publish -p:PublishReadyToRun=true)")
                : (BuildCli(), "dotnet build output");
            Console.WriteLine($"CLI: {cli}");
            var shortRun = Path.Combine(folder, "pages");
            for (var copy = 0; copy < copies; copy++)
            {
                var into = Directory.CreateDirectory(Path.Combine(shortRun, $"copy{copy}")).FullName;
                foreach (var (file, bytes, _, _) in pages)
                {
                    File.WriteAllBytes(Path.Combine(into, Path.GetFileName(file)), bytes);
                }
            }

            // The long input: more copies of the same files, as hard links where the file system has them (no 1.5 GB of copies).
            var longRun = Path.Combine(folder, "long");
            if (steadyCopies > warmUpCopies)
            {
                for (var copy = 0; copy < steadyCopies; copy++)
                {
                    var into = Directory.CreateDirectory(Path.Combine(longRun, $"copy{copy}")).FullName;
                    foreach (var (file, bytes, _, _) in pages)
                    {
                        var name = Path.GetFileName(file);
                        var target = Path.Combine(into, name);
                        if (!OperatingSystem.IsLinux() || link(Path.Combine(shortRun, "copy0", name), target) != 0)
                        {
                            File.WriteAllBytes(target, bytes);
                        }
                    }
                }
            }

            var engine = new List<EngineRun>();
            var one = new List<BatchRun>();
            var two = new List<BatchRun>();
            var steadyOne = new List<BatchRun>();
            var steadyTwo = new List<BatchRun>();
            var aloneOne = new List<BatchRun>();
            var aloneTwo = new List<BatchRun>();

            // The engine alone on 1 and 2 threads, under the CLI's runtime settings (EngineThreads):
            // where the CLI is a DLL with its runtimeconfig.json beside it.
            var runtimeConfig = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(Path.ChangeExtension(cli, ".runtimeconfig.json"))
                ? Path.ChangeExtension(cli, ".runtimeconfig.json")
                : null;
            for (var pass = 0; pass < warmUpPasses; pass++)
            {
                Engine(pages, copies);
            }

            for (var run = 0; run < runs; run++)
            {
                // Alternate, so that a busier moment of the machine falls on every side alike.
                engine.Add(Engine(pages, copies));
                one.Add(Batch(cli, folder, shortRun, 1, 0));
                two.Add(Batch(cli, folder, shortRun, 2, 0));
                var line = $"  run {run + 1}: engine {engine[^1].PagesPerSecond:0.0} pages/s, batch 1 thread {one[^1].PagesPerSecond:0.0}, 2 threads {two[^1].PagesPerSecond:0.0}";
                if (steadyCopies > warmUpCopies)
                {
                    steadyOne.Add(Batch(cli, folder, longRun, 1, pages.Count * warmUpCopies));
                    steadyTwo.Add(Batch(cli, folder, longRun, 2, pages.Count * warmUpCopies));
                    line += $"; steady state 1 thread {steadyOne[^1].SteadyPagesPerSecond:0.0}, 2 threads {steadyTwo[^1].SteadyPagesPerSecond:0.0}";
                    if (runtimeConfig is not null)
                    {
                        aloneOne.Add(Alone(runtimeConfig, Path.Combine(shortRun, "copy0"), 1, pages.Count * warmUpCopies));
                        aloneTwo.Add(Alone(runtimeConfig, Path.Combine(shortRun, "copy0"), 2, pages.Count * warmUpCopies));
                        line += $"; the engine alone 1 thread {aloneOne[^1].SteadyPagesPerSecond:0.0}, 2 threads {aloneTwo[^1].SteadyPagesPerSecond:0.0}";
                    }
                }

                Console.WriteLine(line);
            }

            var report = Report(source, form, pages.Count, copies, warmUpPasses, runs, engine, one, two, steadyOne, steadyTwo, aloneOne, aloneTwo);
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

    /// <summary>
    /// One run of the CLI: records and wall-clock seconds of the whole process (start-up, JIT and
    /// exit included), its CPU seconds, and, when a warm-up is given, the steady state: the records
    /// written from the first moment past the first <c>warmUp</c> lines at which the tier-up JIT
    /// was quiet (<see cref="SteadyFrom"/> lines then) over the seconds they took, and the CPU the
    /// process spent meanwhile.
    /// </summary>
    private sealed record BatchRun(int Records, double Seconds, double CpuSeconds, int SteadyRecords = 0, double SteadySeconds = double.NaN, double SteadyCpuSeconds = double.NaN, int SteadyFrom = 0)
    {
        public double PagesPerSecond => Records / Seconds;

        public double SteadyPagesPerSecond => SteadyRecords / SteadySeconds;

        public double SteadyCpuMsPerPage => SteadyCpuSeconds * 1000 / SteadyRecords;
    }

    private sealed record EngineRun(int Records, double Seconds, double CpuSeconds)
    {
        public double PagesPerSecond => Records / Seconds;
    }

    /// <summary>One pass of the engine over every page, <paramref name="copies"/> times: pages, seconds and this process's CPU seconds.</summary>
    private static EngineRun Engine(List<(string File, byte[] Bytes, string Html, Uri Url)> pages, int copies)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
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

        var seconds = clock.Elapsed.TotalSeconds;
        GC.KeepAlive(characters);
        return new EngineRun(pages.Count * copies, seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>The GC the engine-alone child ran with (the CLI's runtime settings chose it).</summary>
    private static string AloneGc = "?";

    /// <summary>The engine alone on <paramref name="threads"/> threads (<see cref="EngineThreads"/>), its steady window as a <see cref="BatchRun"/>.</summary>
    private static BatchRun Alone(string runtimeConfig, string pages, int threads, int warmUp)
    {
        var (records, seconds, cpu, from, gc) = EngineThreads.Measure(runtimeConfig, pages, threads, warmUp, SteadySeconds, SteadyWindowRecords);
        AloneGc = gc;
        return new BatchRun(records, seconds, cpu, records, seconds, cpu, from);
    }

    private static BatchRun Batch(string cli, string folder, string pages, int threads, int warmUp)
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
        foreach (var argument in (dll ? new[] { cli } : Array.Empty<string>()).Concat(new[] { "batch", pages, "--out", output, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--progress", "none", "--overwrite" }))
        {
            start.ArgumentList.Add(argument);
        }

        // --env NAME=VALUE (repeatable): runtime settings for the CLI's process only (DOTNET_TieredCompilation=0, …), not this one's.
        for (var at = Array.IndexOf(Arguments, "--env"); at >= 0 && at + 1 < Arguments.Length; at = Array.IndexOf(Arguments, "--env", at + 2))
        {
            var pair = Arguments[at + 1].Split('=', 2);
            start.Environment[pair[0]] = pair.Length == 2 ? pair[1] : string.Empty;
        }

        File.Delete(output);
        var cpuBefore = ChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // The steady state: every 100 ms, the lines written so far (the writer flushes each line)
        // and the process's CPU, and that of its tier-up JIT thread. It begins at the first sample
        // past the warm-up at which the JIT used under JitQuiet.Share of a core over the last
        // second, and ends once it holds SteadyWindowRecords records and SteadySeconds seconds
        // (the run is then stopped), or when the input runs out.
        (double Seconds, int Lines, double Cpu)? warm = null, last = null;
        var jit = new JitQuiet();
        var stopped = false;
        var lines = 0;
        var read = 0L;
        var buffer = new byte[1 << 16];
        while (!process.WaitForExit(warmUp > 0 ? 100 : Timeout.Infinite))
        {
            var at = clock.Elapsed.TotalSeconds;
            var cpuNow = ProcessCpuSeconds(process.Id);
            var jitNow = JitQuiet.TieredCompilerCpuSeconds(process.Id);
            if (File.Exists(output))
            {
                using var grown = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                grown.Position = read;
                int n;
                while ((n = grown.Read(buffer)) > 0)
                {
                    lines += buffer.AsSpan(0, n).Count((byte)'\n');
                    read += n;
                }
            }

            var quiet = jit.Sample(at, jitNow);
            if (warm is null && lines >= warmUp && quiet)
            {
                warm = (at, lines, cpuNow);
            }
            else if (warm is { } w0 && lines > w0.Lines)
            {
                last = (at, lines, cpuNow);
                if (lines - w0.Lines >= SteadyWindowRecords && at - w0.Seconds >= SteadySeconds)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                    stopped = true;
                    break;
                }
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = ChildrenCpuSeconds() - cpuBefore;
        if (!stopped && process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"newsrules batch exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }

        if (warmUp > 0 && warm is null)
        {
            Console.Error.WriteLine($"  batch --threads {threads}: the input ran out (at about record {lines}) before the steady-state window began (past record {warmUp}, the JIT quiet); pass a larger --steady-copies.");
        }

        var records = stopped ? lines : File.ReadLines(output).Count();
        return warm is { } w && last is { } l
            ? new BatchRun(records, seconds, cpu, l.Lines - w.Lines, l.Seconds - w.Seconds, l.Cpu - w.Cpu, w.Lines)
            : new BatchRun(records, seconds, cpu);
    }

    /// <summary>User + system CPU seconds of a running process so far (Linux /proc); NaN elsewhere.</summary>
    private static double ProcessCpuSeconds(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ...", utime and stime the 12th and 13th fields after the comm.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / (double)ClockTicks;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return double.NaN;
        }
    }

    /// <summary>The kernel's clock ticks per second for /proc's CPU times (USER_HZ, 100 on Linux).</summary>
    private const int ClockTicks = 100;

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

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int link(string existing, string created);
#pragma warning restore SA1300, IDE1006

    private static string Report(string source, string form, int pages, int copies, int warmUpPasses, int runs, List<EngineRun> engine, List<BatchRun> one, List<BatchRun> two, List<BatchRun> steadyOne, List<BatchRun> steadyTwo, List<BatchRun> aloneOne, List<BatchRun> aloneTwo)
    {
        var engineRate = Median(engine.Select(r => r.PagesPerSecond));
        var engineCpu = Median(engine.Select(r => r.CpuSeconds * 1000 / r.Records));
        var oneRate = Median(one.Select(r => r.PagesPerSecond));
        var twoRate = Median(two.Select(r => r.PagesPerSecond));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Batch throughput ({pages * copies} records, median of {runs} runs, pages from {source}, CLI: {form})");
        text.AppendLine();
        text.AppendLine("| | pages/s (wall clock) | each run | CPU ms per page |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| engine in process, 1 thread (parse text + extract), warmed | {engineRate:0.0} | {string.Join(", ", engine.Select(r => r.PagesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)))} | {engineCpu:0.00} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| `newsrules batch --threads 1` (process, files), whole run | {oneRate:0.0} | {Rates(one, r => r.PagesPerSecond)} | {Median(one.Select(r => r.CpuSeconds * 1000 / r.Records)):0.00} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| `newsrules batch --threads 2`, whole run | {twoRate:0.0} | {Rates(two, r => r.PagesPerSecond)} | {Median(two.Select(r => r.CpuSeconds * 1000 / r.Records)):0.00} |");
        var steady = steadyOne.Count > 0 && steadyTwo.Count > 0;
        double steadyOneRate = double.NaN, steadyTwoRate = double.NaN;
        if (steady)
        {
            steadyOneRate = Median(steadyOne.Select(r => r.SteadyPagesPerSecond));
            steadyTwoRate = Median(steadyTwo.Select(r => r.SteadyPagesPerSecond));
            var window = string.Create(CultureInfo.InvariantCulture, $"past record {pages * copies * warmUpPasses} and the JIT's settling: from record {Median(steadyOne.Select(r => (double)r.SteadyFrom)):0} on 1 thread and {Median(steadyTwo.Select(r => (double)r.SteadyFrom)):0} on 2 (medians), {Median(steadyOne.Select(r => r.SteadySeconds)):0.0} and {Median(steadyTwo.Select(r => r.SteadySeconds)):0.0} s");
            text.AppendLine(CultureInfo.InvariantCulture, $"| `newsrules batch --threads 1`, steady state ({window}) | {steadyOneRate:0.0} | {Rates(steadyOne, r => r.SteadyPagesPerSecond)} | {Median(steadyOne.Select(r => r.SteadyCpuMsPerPage)):0.00} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| `newsrules batch --threads 2`, steady state | {steadyTwoRate:0.0} | {Rates(steadyTwo, r => r.SteadyPagesPerSecond)} | {Median(steadyTwo.Select(r => r.SteadyCpuMsPerPage)):0.00} |");
        }

        var alone = steady && aloneOne.Count == steadyOne.Count && aloneTwo.Count == steadyTwo.Count;
        if (alone)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| the engine alone, 1 thread (a process with the CLI's runtime settings: {AloneGc} GC; parse text + extract, no reading or writing), steady state (from record {Median(aloneOne.Select(r => (double)r.SteadyFrom)):0}) | {Median(aloneOne.Select(r => r.SteadyPagesPerSecond)):0.0} | {Rates(aloneOne, r => r.SteadyPagesPerSecond)} | {Median(aloneOne.Select(r => r.SteadyCpuMsPerPage)):0.00} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| the engine alone, 2 threads, steady state (from record {Median(aloneTwo.Select(r => (double)r.SteadyFrom)):0}) | {Median(aloneTwo.Select(r => r.SteadyPagesPerSecond)):0.0} | {Rates(aloneTwo, r => r.SteadyPagesPerSecond)} | {Median(aloneTwo.Select(r => r.SteadyCpuMsPerPage)):0.00} |");
        }

        // Each run measures the engine, then batch on 1 and on 2 threads, seconds apart; a ratio of
        // two sides of the same run shares the machine's state of that minute, where a ratio of
        // medians may pair a quiet run's figure with a disturbed one's. Both are shown; the
        // targets are judged on the median of each run's own ratio.
        text.AppendLine();
        text.AppendLine("| target | whole run | steady state: ratio of the medians | steady state: each run's own ratio | steady state: their median (judged) |");
        text.AppendLine("|---|---|---|---|---|");
        if (steady)
        {
            var oneByEngine = engine.Zip(steadyOne, (e, b) => b.SteadyPagesPerSecond / e.PagesPerSecond).ToList();
            var twoByOne = steadyOne.Zip(steadyTwo, (a, b) => b.SteadyPagesPerSecond / a.SteadyPagesPerSecond).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"| batch, 1 thread ≥ 0.8 × engine | {Ratio(oneRate / engineRate, 0.8)} | {Ratio(steadyOneRate / engineRate, 0.8)} | {Ratios(oneByEngine)} | {Ratio(Median(oneByEngine), 0.8)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| batch, 2 threads ≥ 1.8 × 1 thread | {Ratio(twoRate / oneRate, 1.8)} | {Ratio(steadyTwoRate / steadyOneRate, 1.8)} | {Ratios(twoByOne)} | {Ratio(Median(twoByOne), 1.8)} |");
            if (alone)
            {
                // Not a target: what two cores of this machine give the engine itself on these
                // pages, and batch's ratio as a share of it (1.00: the second thread costs batch
                // nothing the engine's own second thread does not).
                var aloneTwoByOne = aloneOne.Zip(aloneTwo, (a, b) => b.SteadyPagesPerSecond / a.SteadyPagesPerSecond).ToList();
                var share = twoByOne.Zip(aloneTwoByOne, (b, e) => b / e).ToList();
                text.AppendLine(CultureInfo.InvariantCulture, $"| (the machine) the engine alone, 2 threads / 1 thread | {Median(aloneTwo.Select(r => r.SteadyPagesPerSecond)) / Median(aloneOne.Select(r => r.SteadyPagesPerSecond)):0.00} × | | {Ratios(aloneTwoByOne)} | {Median(aloneTwoByOne):0.00} × |");
                text.AppendLine(CultureInfo.InvariantCulture, $"| (read against it) batch's 2 / 1 over the engine's 2 / 1 | | | {Ratios(share)} | {Median(share):0.00} |");
            }
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| batch, 1 thread ≥ 0.8 × engine | {Ratio(oneRate / engineRate, 0.8)} | not measured | | |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| batch, 2 threads ≥ 1.8 × 1 thread | {Ratio(twoRate / oneRate, 1.8)} | not measured | | |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The engine side is warmed ({warmUpPasses} passes before the timed ones); the whole run of batch includes its start-up and JIT, its steady state leaves out as many first records as the engine's warm-up extracted and begins once the CLI's tier-up JIT is quiet, as a run over millions of pages leaves its first thousands behind.");
        return text.ToString();
    }

    private static string Ratio(double ratio, double target) =>
        string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00} × ({(ratio >= target ? "met" : "not met")})");

    private static string Ratios(IEnumerable<double> ratios) => string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)));

    private static string Rates(List<BatchRun> runs, Func<BatchRun, double> rate) => string.Join(", ", runs.Select(r => rate(r).ToString("0.0", CultureInfo.InvariantCulture)));

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
    /// Publishes the Release CLI into <paramref name="into"/> (<c>--aot</c>: native AOT;
    /// <c>--r2r</c>: ReadyToRun; docs/publish-cli.md) for this machine's runtime identifier and
    /// returns the executable, <c>newsrules</c> (AOT) or <c>NewsRules.Cli.dll</c> (ReadyToRun).
    /// </summary>
    private static string PublishCli(string into, params string[] options)
    {
        var project = Path.Combine(Repository.Root, "src", "NewsRules.Cli");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "-o", into, "--nologo", "-v", "q" }.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        Console.WriteLine($"Publishing the CLI: dotnet publish src/NewsRules.Cli -c Release -r {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier} {string.Join(' ', options)} (a few minutes)…");
        using var publish = Process.Start(start)!;
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {string.Join(' ', options)} failed; see above.");
        }

        var native = Path.Combine(into, OperatingSystem.IsWindows() ? "newsrules.exe" : "newsrules");
        return options.Contains("-p:PublishAot=true") ? native : Path.Combine(into, "NewsRules.Cli.dll");
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

    private static int IntOption(string[] args, string name, int fallback, bool allowZero = false) =>
        StringOption(args, name) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && (value > 0 || (allowZero && value == 0)) ? value : fallback;
}
