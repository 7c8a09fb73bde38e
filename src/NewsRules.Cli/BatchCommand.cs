using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NewsRules.Cli.Batch;
using NewsRules.Loading;

namespace NewsRules.Cli;

/// <summary><c>newsrules batch &lt;inputs…&gt; --out file.jsonl</c>: extract every page of folders, JSONL and WARC files, in parallel, to one JSON line each.</summary>
internal static class BatchCommand
{
    /// <summary>Exit code of a run stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>How many sites the summary names; the others are counted.</summary>
    public const int SummarySites = 10;

    /// <summary>The command; <paramref name="standardInput"/> opens what <c>-</c> reads (the process's standard input, or a test's stream).</summary>
    public static Command Create(TextWriter output, TextWriter error, Func<Stream>? standardInput = null)
    {
        var openInput = standardInput ?? Console.OpenStandardInput;
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Folders of saved pages (every file below them is one record), .html pages, .jsonl/.ndjson files (optionally .gz) of {\"url\", \"html\"} lines, .warc/.warc.gz files (each response record is one record), and - for standard input (JSONL or WARC, optionally gzipped).",
            Arity = ArgumentArity.OneOrMore,
        };
        var outFile = new Option<string>("--out", "-o")
        {
            Description = "The JSONL file to write, or - for standard output: one line per record, the article or {\"url\", \"error\", \"problem\", \"record\"}. With -, the summary goes to stderr.",
            Required = true,
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "Continue an interrupted run into the same --out: records already written are skipped, a cut-off last line is redone.",
        };
        var overwrite = new Option<bool>("--overwrite")
        {
            Description = "Start again, replacing an existing --out file.",
        };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Pages extracted in parallel. Default: the number of cores.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var rules = new Option<DirectoryInfo?>("--rules")
        {
            Description = ProjectRules.OptionDescription,
        };
        var progress = new Option<string>("--progress")
        {
            Description = "auto (a bar on a terminal, a line every 5 s when stderr is redirected), bar, lines or none.",
            DefaultValueFactory = _ => "auto",
        };
        progress.AcceptOnlyFromAmong("auto", "bar", "lines", "none");
        var interval = new Option<double>("--progress-interval")
        {
            Description = "Seconds between progress lines when they are not a bar. Default: 5.",
            DefaultValueFactory = _ => 5,
        };

        var noFallback = new Option<bool>("--no-fallback")
        {
            Description = "Write a no-rule error for pages no rule serves, instead of extracting them with the generic fallback.",
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "i/n: take only every n-th record of the inputs, starting with the i-th (1 <= i <= n), for array jobs; the n shards of the same inputs take every record exactly once.",
        };
        var allowErrors = new Option<bool>("--allow-errors")
        {
            Description = "Exit 0 when every record has its line, even if some are error lines (for schedulers that retry a task on any other exit code).",
        };

        var command = new Command(
            "batch",
            "Extract the article of every page in folders, JSONL and WARC files, on every core, to one JSON line per record.\n"
            + "Pages no rule serves are extracted with the generic fallback unless --no-fallback is given.\n"
            + "Exit codes: 0 every record gave an article (or --allow-errors), 1 some records are errors or have no rule, 2 usage errors (bad options, unreadable inputs) or a failed output, 130 interrupted by Ctrl+C (143 by SIGTERM); run again with --resume.\n"
            + "Example: newsrules batch pages/ CC-NEWS-20240101.warc.gz --out articles.jsonl --resume\n"
            + "Example: newsrules batch - --out - < pages.jsonl > articles.jsonl")
        {
            inputs, outFile, resume, overwrite, threads, rules, progress, interval, noFallback, shard, allowErrors,
        };
        command.SetAction((result, token) => RunAsync(
            new BatchSettings(
                result.GetValue(inputs) ?? Array.Empty<string>(),
                OutPath(result.GetValue(outFile)!),
                result.GetValue(resume),
                result.GetValue(overwrite),
                result.GetValue(threads),
                result.GetValue(rules),
                ParseStyle(result.GetValue(progress) ?? "auto", error),
                TimeSpan.FromSeconds(result.GetValue(interval)),
                !result.GetValue(noFallback),
                result.GetValue(shard),
                result.GetValue(allowErrors)),
            output,
            error,
            openInput,
            token));
        return command;
    }

    /// <summary><c>--out -</c> stays <c>-</c> (standard output); a file becomes its full path.</summary>
    private static string OutPath(string value) => value == StandardOutput ? value : Path.GetFullPath(value);

    /// <summary>The <c>--out</c> that means standard output.</summary>
    public const string StandardOutput = "-";

    public static async Task<int> RunAsync(BatchSettings settings, TextWriter output, TextWriter error, Func<Stream> standardInput, CancellationToken token)
    {
        List<BatchInput> inputs;
        ResumeState resume;
        RecordExtractor extractor;
        Shard? shard;
        try
        {
            Validate(settings);
            shard = settings.Shard is null ? null : Shard.Parse(settings.Shard)
                ?? throw new BatchUsageException($"--shard '{settings.Shard}' is not i/n with 1 <= i <= n (for example --shard 3/8: the third of eight shards).");
            inputs = settings.Inputs.Select(i => BatchInput.Open(i, standardInput)).GroupBy(i => i.Path, StringComparer.Ordinal).Select(g => g.First()).ToList();
            var ruleSet = ProjectRules.Resolve(settings.Rules, Directory.GetCurrentDirectory());
            error.WriteLine($"newsrules: rules: {ruleSet.Description}");
            extractor = new RecordExtractor(ruleSet.Extractors, settings.Fallback);
            resume = Prepare(settings);
        }
        catch (BatchUsageException ex)
        {
            return Usage(error, ex.Message);
        }
        catch (RuleLoadException ex)
        {
            error.WriteLine(ex.Message);
            return Usage(error, "the rules have errors (listed above); fix them (newsrules check <folder> lists them too), or pass --rules <folder> for other rules.");
        }
        catch (DirectoryNotFoundException ex)
        {
            return Usage(error, $"{ex.Message} Pass an existing folder to --rules.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Usage(error, $"cannot use --out '{settings.Out}': {ex.Message}");
        }

        // With --out -, standard output carries the lines, so the summary goes to stderr.
        var toStandardOutput = settings.Out == StandardOutput;
        var summary = toStandardOutput ? error : output;
        Func<TextWriter> openOutput = toStandardOutput ? () => StandardOutputWriter(output) : () => BatchRunner.AppendTo(settings.Out);

        var totalBytes = inputs.Sum(i => i.Length);
        BatchCounts counts;
        var progress = new BatchProgress(error, settings.Progress, settings.ProgressInterval, totalBytes, () => inputs.Sum(i => i.Consumed));
        var elapsed = TimeSpan.Zero;
        var done = 0;
        try
        {
            try
            {
                counts = await BatchRunner.RunAsync(inputs, openOutput, resume, extractor, settings.Threads, progress, token, shard).ConfigureAwait(false);
            }
            finally
            {
                elapsed = progress.Elapsed;
                done = progress.Done;
                await progress.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"newsrules: batch interrupted after {done} record(s) in this run; run the same command with --resume to continue where it stopped.");
            return Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var again = toStandardOutput ? "run it again (standard output cannot be resumed)" : "run the same command with --resume";
            error.WriteLine($"newsrules: batch stopped after {done} record(s): {ex.Message}. Fix the cause (disk full? output not writable? reader of the pipe gone?) and {again}.");
            return 2;
        }

        var total = new BatchCounts();
        total.Add(resume.Counts);
        total.Add(counts);
        WriteSummary(summary, settings, resume, counts, total, elapsed, shard);
        if (total.Records == 0)
        {
            // A shard of a small input may hold nothing: that is not a mistake in the paths.
            if (shard is not null)
            {
                return 0;
            }

            error.WriteLine("newsrules: the inputs hold no records (empty folders, or WARC files without response records); check the paths.");
            return 2;
        }

        return total.Articles == total.Records || settings.AllowErrors ? 0 : 1;
    }

    /// <summary>
    /// The lines' writer for <c>--out -</c>: the process's standard output as a buffered UTF-8
    /// stream (Console.Out flushes every write); a test's own writer otherwise.
    /// </summary>
    private static TextWriter StandardOutputWriter(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out))
        {
            return new KeepOpenWriter(output);
        }

        return new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };
    }

    private static void Validate(BatchSettings settings)
    {
        if (settings.Threads < 1)
        {
            throw new BatchUsageException($"--threads {settings.Threads} is not a positive number of threads; pass --threads 1 or more (default: {Environment.ProcessorCount}, the cores).");
        }

        if (settings.ProgressInterval <= TimeSpan.Zero)
        {
            throw new BatchUsageException("--progress-interval must be a positive number of seconds.");
        }

        if (settings.Resume && settings.Overwrite)
        {
            throw new BatchUsageException("--resume and --overwrite contradict each other: --resume keeps the output's lines, --overwrite starts again. Pass one.");
        }

        if (settings.Out == StandardOutput)
        {
            if (settings.Resume)
            {
                throw new BatchUsageException("--resume needs an --out file to read back; with --out - (standard output) a stopped run is started again, or write to a file.");
            }

            return;
        }

        if (Directory.Exists(settings.Out))
        {
            throw new BatchUsageException($"--out '{settings.Out}' is a folder; pass a file name such as articles.jsonl.");
        }
    }

    /// <summary>Checks --out against --resume/--overwrite and reads what an earlier run wrote.</summary>
    private static ResumeState Prepare(BatchSettings settings)
    {
        if (settings.Out == StandardOutput)
        {
            return new ResumeState();
        }

        var exists = File.Exists(settings.Out) && new FileInfo(settings.Out).Length > 0;
        if (exists && !settings.Resume && !settings.Overwrite)
        {
            throw new BatchUsageException($"--out '{settings.Out}' already exists. Pass --resume to continue the run that wrote it, or --overwrite to start again.");
        }

        var folder = Path.GetDirectoryName(settings.Out);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            throw new BatchUsageException($"the folder of --out '{settings.Out}' does not exist; create it first.");
        }

        if (settings.Overwrite || !exists)
        {
            File.WriteAllBytes(settings.Out, Array.Empty<byte>());
            return new ResumeState();
        }

        return ResumeState.Load(settings.Out);
    }

    private static void WriteSummary(TextWriter output, BatchSettings settings, ResumeState resume, BatchCounts run, BatchCounts total, TimeSpan elapsed, Shard? shard)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        var rate = (run.Records / seconds).ToString("0.0", CultureInfo.InvariantCulture);
        var ofShard = shard is null ? "" : $", shard {shard}";
        output.WriteLine($"batch: {run.Records} record(s) in {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {rate} pages/s on {settings.Threads} thread(s){ofShard}");
        if (settings.Resume)
        {
            var cut = resume.Truncated > 0 ? $"; a cut-off last line ({resume.Truncated} bytes) was removed and redone" : "";
            output.WriteLine($"  resumed: {resume.Counts.Records} record(s) were already in the output{cut}");
        }

        output.WriteLine($"  records:  {total.Records}");
        output.WriteLine($"  articles: {total.Articles}{SitesOf(total)}");
        output.WriteLine($"  rot:      {RotOf(total)}");
        output.WriteLine($"  no rule:  {total.NoRule}");
        output.WriteLine($"  errors:   {total.Errors}");
        output.WriteLine($"  output:   {(settings.Out == StandardOutput ? "standard output" : settings.Out)}");
    }

    /// <summary>" from N site(s): the top <see cref="SummarySites"/> with their counts, and how many more" (empty without articles).</summary>
    internal static string SitesOf(BatchCounts counts) => counts.PerSite.Count == 0 ? "" : " from " + TopSites(counts.PerSite, counts.Articles);

    /// <summary>
    /// "0", or "N record(s) (fields: body 9, title 2) from M site(s): the top <see cref="SummarySites"/>
    /// with their counts, and how many more": articles whose rule was found rotted (issue 19).
    /// </summary>
    internal static string RotOf(BatchCounts counts)
    {
        if (counts.Rotted == 0)
        {
            return "0";
        }

        var fields = string.Join(", ", counts.RotPerField.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        return $"{counts.Rotted} record(s) (fields: {fields}) from {TopSites(counts.RotPerSite, counts.Rotted)}";
    }

    /// <summary>"N site(s): the top <see cref="SummarySites"/> with their counts, and how many more".</summary>
    private static string TopSites(IReadOnlyDictionary<string, int> perSite, int total)
    {
        var top = perSite.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(SummarySites).ToList();
        var named = string.Join(", ", top.Select(p => $"{p.Key} {p.Value}"));
        var rest = perSite.Count - top.Count;
        var more = rest == 0 ? "" : $", and {total - top.Sum(p => p.Value)} from {rest} more site(s)";
        return $"{perSite.Count} site(s): {named}{more}";
    }

    private static ProgressStyle ParseStyle(string value, TextWriter error) => value switch
    {
        "bar" => ProgressStyle.Bar,
        "lines" => ProgressStyle.Lines,
        "none" => ProgressStyle.None,
        // A bar only where a person watches: the process's own stderr, on a terminal.
        _ => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? ProgressStyle.Bar : ProgressStyle.Lines,
    };

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"newsrules: {message}");
        error.WriteLine("Run 'newsrules batch --help' for usage.");
        return 2;
    }
}

/// <summary>The options of one batch run.</summary>
internal sealed record BatchSettings(
    IReadOnlyList<string> Inputs,
    string Out,
    bool Resume,
    bool Overwrite,
    int Threads,
    DirectoryInfo? Rules,
    ProgressStyle Progress,
    TimeSpan ProgressInterval,
    bool Fallback = true,
    string? Shard = null,
    bool AllowErrors = false);

/// <summary>Hands lines to a writer the batch does not own (a test's): disposing it only flushes.</summary>
internal sealed class KeepOpenWriter : TextWriter
{
    private readonly TextWriter inner;

    public KeepOpenWriter(TextWriter inner)
    {
        this.inner = inner;
        NewLine = "\n";
    }

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(value);

    public override Task WriteAsync(char value) => inner.WriteAsync(value);

    public override Task WriteAsync(string? value) => inner.WriteAsync(value);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing) => inner.Flush();

    public override ValueTask DisposeAsync()
    {
        inner.Flush();
        return ValueTask.CompletedTask;
    }
}
