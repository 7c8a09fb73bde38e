using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace NewsRules.Cli.Batch;

/// <summary>How progress is shown on stderr.</summary>
internal enum ProgressStyle
{
    /// <summary>A bar redrawn in place (stderr is a terminal).</summary>
    Bar,

    /// <summary>A plain line every few seconds (stderr is redirected to a file or a pipe).</summary>
    Lines,

    /// <summary>Nothing.</summary>
    None,
}

/// <summary>
/// Progress on stderr: records done, pages/s, and an ETA from the share of the input bytes
/// read so far (record counts of a WARC.gz are unknown until it has been read through).
/// </summary>
internal sealed class BatchProgress : IAsyncDisposable
{
    private const int BarWidth = 24;
    private readonly TextWriter error;
    private readonly ProgressStyle style;
    private readonly TimeSpan interval;
    private readonly long totalBytes;
    private readonly Func<long> consumedBytes;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource stop = new();
    private readonly Task? loop;
    private int done;
    private int lastWidth;

    public BatchProgress(TextWriter error, ProgressStyle style, TimeSpan interval, long totalBytes, Func<long> consumedBytes)
    {
        this.error = error;
        this.style = style;
        // A bar is redrawn in place, so it can move often; lines go to logs, so they come seldom.
        this.interval = style == ProgressStyle.Bar ? TimeSpan.FromMilliseconds(250) : interval;
        this.totalBytes = totalBytes;
        this.consumedBytes = consumedBytes;
        if (style != ProgressStyle.None)
        {
            loop = Task.Run(RunAsync);
        }
    }

    /// <summary>Records written in this run.</summary>
    public int Done => Volatile.Read(ref done);

    public TimeSpan Elapsed => clock.Elapsed;

    public void Increment() => Interlocked.Increment(ref done);

    /// <summary>Pages per second over the whole run so far.</summary>
    public double Rate => Done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        if (style == ProgressStyle.Lines)
        {
            // A last line, so a log always shows where the run ended even when it took less than one interval.
            Report();
        }

        if (style == ProgressStyle.Bar && lastWidth > 0)
        {
            // Leave the terminal line clean for the summary.
            error.Write("\r" + new string(' ', lastWidth) + "\r");
            error.Flush();
        }

        stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                Report();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Draws the bar or writes a line now (the timer calls it; tests too).</summary>
    internal void Report()
    {
        var fraction = totalBytes <= 0 ? 0 : Math.Clamp((double)consumedBytes() / totalBytes, 0, 1);
        var elapsed = clock.Elapsed.TotalSeconds;
        var eta = fraction > 0.001 ? FormatTime(elapsed * (1 - fraction) / fraction) : "?";
        var rate = Rate.ToString("0.0", CultureInfo.InvariantCulture);
        var percent = (fraction * 100).ToString("0", CultureInfo.InvariantCulture);
        lock (error)
        {
            if (style == ProgressStyle.Bar)
            {
                var filled = (int)Math.Round(fraction * BarWidth);
                var text = $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {percent,3}%  {Done} pages  {rate} pages/s  ETA {eta}";
                error.Write("\r" + text.PadRight(lastWidth));
                lastWidth = text.Length;
            }
            else
            {
                error.WriteLine($"batch: {Done} records, {percent}% of the input read, {rate} pages/s, ETA {eta}");
            }

            error.Flush();
        }
    }

    private static string FormatTime(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(99).TotalSeconds));
        return time.TotalHours >= 1
            ? ((int)time.TotalHours).ToString(CultureInfo.InvariantCulture) + time.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture)
            : time.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }
}
