using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using NewsRules.Benchmarks.Pages;
using NewsRules.Catalog;
using NewsRules.Html;

namespace NewsRules.Benchmarks.Batch;

/// <summary>
/// The machine's own ceiling for batch's second thread: the engine alone (parse text + extract,
/// no reading, no writing, no process of the CLI) on N threads of its own, each taking the next
/// page, in a child process started under the CLI's runtime settings (its runtimeconfig.json:
/// server GC, no DATAS, PGO, …), so that the GC the two threads share is the one batch's two
/// threads share. Its steady state is taken as batch's: past the same warm-up, once the tier-up
/// JIT is quiet, over at least the same seconds and records. The engine's own 2-thread / 1-thread
/// ratio is what two cores of this machine give on these pages; batch's ratio is read against it.
/// </summary>
internal static class EngineThreads
{
    public const string Verb = "engine-threads";

    /// <summary>
    /// The child: <c>engine-threads FOLDER THREADS WARMUP SECONDS RECORDS</c>. Prints one line,
    /// "records seconds cpu-seconds from gc", of its steady window (invariant culture; gc is
    /// "server" or "workstation", the GC the runtime settings gave it).
    /// </summary>
    public static int RunChild(string[] args)
    {
        if (args.Length != 5)
        {
            Console.Error.WriteLine($"usage: NewsRules.Benchmarks {Verb} FOLDER THREADS WARMUP SECONDS RECORDS (started by the batch benchmark)");
            return 2;
        }

        var pages = new List<(string Html, Uri Url)>();
        foreach (var file in Directory.EnumerateFiles(args[0], "*.html").Order(StringComparer.Ordinal))
        {
            var document = HtmlDocuments.Parse(File.ReadAllBytes(file).AsSpan());
            if (PageAddress.Find(document) is { } url)
            {
                pages.Add((document.Source.Text, url));
            }
        }

        var threads = int.Parse(args[1], CultureInfo.InvariantCulture);
        var warmUp = int.Parse(args[2], CultureInfo.InvariantCulture);
        var seconds = double.Parse(args[3], CultureInfo.InvariantCulture);
        var records = int.Parse(args[4], CultureInfo.InvariantCulture);
        if (pages.Count == 0 || threads < 1)
        {
            Console.Error.WriteLine($"{Verb}: no page with a URL of its own in {args[0]}, or no thread.");
            return 1;
        }

        var next = -1L;
        var done = 0L;
        var stop = 0;
        var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                var page = pages[(int)(Interlocked.Increment(ref next) % pages.Count)];
                var article = Extractor.Extract(HtmlDocuments.Parse(page.Html), page.Url, Sites.All);
                GC.KeepAlive(article);
                Interlocked.Increment(ref done);
            }
        })
        { IsBackground = true, Name = $"engine {i + 1}" }).ToList();

        var clock = Stopwatch.StartNew();
        workers.ForEach(worker => worker.Start());
        var quiet = new JitQuiet();
        (double At, long Done, double Cpu)? from = null;
        while (true)
        {
            Thread.Sleep(100);
            var at = clock.Elapsed.TotalSeconds;
            var now = Interlocked.Read(ref done);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            var isQuiet = quiet.Sample(at, JitQuiet.TieredCompilerCpuSeconds(Environment.ProcessId));
            if (from is null && now >= warmUp && isQuiet)
            {
                from = (at, now, cpu);
            }
            else if (from is { } f && now - f.Done >= records && at - f.At >= seconds)
            {
                Volatile.Write(ref stop, 1);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{now - f.Done} {at - f.At:R} {cpu - f.Cpu:R} {f.Done} {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}"));
                return 0;
            }
        }
    }

    /// <summary>
    /// Runs the child under <paramref name="runtimeConfig"/> on <paramref name="threads"/> threads
    /// over the pages in <paramref name="folder"/>: its steady window's records, seconds, CPU
    /// seconds, the record it began at and its GC.
    /// </summary>
    public static (int Records, double Seconds, double CpuSeconds, int From, string Gc) Measure(string runtimeConfig, string folder, int threads, int warmUp, double seconds, int records)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "exec", "--runtimeconfig", runtimeConfig, typeof(EngineThreads).Assembly.Location, Verb, folder,
            threads.ToString(CultureInfo.InvariantCulture), warmUp.ToString(CultureInfo.InvariantCulture),
            seconds.ToString("R", CultureInfo.InvariantCulture), records.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        var fields = line.Split(' ');
        if (process.ExitCode != 0 || fields.Length != 5)
        {
            throw new InvalidOperationException($"the engine on {threads} threads (child process) exited {process.ExitCode}: {stderr.Result}{line}");
        }

        return (int.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture), fields[4]);
    }
}

/// <summary>
/// Whether a process's tier-up JIT has gone quiet: its thread used under
/// <see cref="Share"/> of a core over the last second (fed one sample every 100 ms or so).
/// </summary>
internal sealed class JitQuiet
{
    public const double Share = 0.05;

    private readonly List<(double At, double Cpu)> samples = new();

    /// <summary>Adds a sample (seconds since the start, the JIT thread's CPU seconds so far) and says whether the JIT is quiet.</summary>
    public bool Sample(double at, double jitCpu)
    {
        this.samples.Add((at, jitCpu));
        while (this.samples.Count > 2 && at - this.samples[1].At >= 1.0)
        {
            this.samples.RemoveAt(0);
        }

        return double.IsNaN(jitCpu) || (at - this.samples[0].At >= 0.9 && (jitCpu - this.samples[0].Cpu) / (at - this.samples[0].At) < Share);
    }

    /// <summary>
    /// User + system CPU seconds so far of the process's tier-up JIT thread(s) (Linux /proc, the
    /// threads named ".NET Tiered Compilation Worker", cut to 15 characters); 0 when it has none
    /// (no JIT, or tiering off), NaN where /proc cannot tell.
    /// </summary>
    public static double TieredCompilerCpuSeconds(int pid)
    {
        try
        {
            var ticks = 0L;
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The thread ended between the listing and the read.
                }
            }

            return ticks / (double)ClockTicks;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return double.NaN;
        }
    }

    /// <summary>The kernel's clock ticks per second for /proc's CPU times (USER_HZ, 100 on Linux).</summary>
    private const int ClockTicks = 100;
}
