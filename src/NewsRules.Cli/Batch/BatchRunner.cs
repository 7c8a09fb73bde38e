using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NewsRules.Cli.Batch;

/// <summary>
/// The batch run: <c>threads</c> threads of their own, each a loop that takes the next record
/// from the inputs (read in order, one at a time, under a lock), decodes, parses and extracts
/// it, then appends and flushes its line under the output's lock. No queues between them: memory
/// holds one page per thread however large the inputs, no thread is woken to pass a record on,
/// and a page is read, decoded and parsed on the thread that extracts it. Lines come out in
/// completion order, each record once; a killed run loses at most the records in hand, which
/// <c>--resume</c> does again.
/// </summary>
internal static class BatchRunner
{
    public static Task<BatchCounts> RunAsync(
        IReadOnlyList<BatchInput> inputs,
        Func<TextWriter> openOutput,
        ResumeState resume,
        RecordExtractor extractor,
        int threads,
        BatchProgress progress,
        CancellationToken token,
        Shard? shard = null)
    {
        // The threads below are the run's own; this one (the caller's) only waits for them.
        var done = new TaskCompletionSource<BatchCounts>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new Thread(() =>
        {
            try
            {
                done.SetResult(Run(inputs, openOutput, resume, extractor, threads, progress, token, shard));
            }
            catch (OperationCanceledException ex)
            {
                done.SetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "batch worker 1",
        };
        runner.Start();
        return done.Task;
    }

    /// <summary>
    /// Runs the loop on this thread and <paramref name="threads"/> − 1 more. A failure anywhere
    /// (an input that cannot be read, a full disk, a closed pipe) stops every thread after the
    /// record in hand, and the first is rethrown; Ctrl+C stops them the same way.
    /// </summary>
    private static BatchCounts Run(IReadOnlyList<BatchInput> inputs, Func<TextWriter> openOutput, ResumeState resume, RecordExtractor extractor, int threads, BatchProgress progress, CancellationToken token, Shard? shard)
    {
        var counts = new BatchCounts();
        using var text = openOutput();
        using var source = Records(inputs, resume, shard).GetEnumerator();
        var reading = new object();
        var writing = new object();
        var finished = false;
        Exception? failure = null;

        void Loop()
        {
            try
            {
                while (true)
                {
                    BatchRecord record;
                    lock (reading)
                    {
                        if (finished || Volatile.Read(ref failure) is not null || token.IsCancellationRequested || !source.MoveNext())
                        {
                            finished = true;
                            return;
                        }

                        record = source.Current;
                    }

                    var result = extractor.Process(record);
                    lock (writing)
                    {
                        if (Volatile.Read(ref failure) is not null)
                        {
                            return;
                        }

                        // One write and flush a line: a killed run loses no finished record.
                        text.Write(result.Line);
                        text.Write('\n');
                        text.Flush();
                        counts.Add(result);
                        progress.Increment();
                    }
                }
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref failure, ex, null);
            }
        }

        var others = new Thread[threads - 1];
        for (var i = 0; i < others.Length; i++)
        {
            others[i] = new Thread(Loop) { IsBackground = true, Name = $"batch worker {i + 2}" };
            others[i].Start();
        }

        Loop();
        foreach (var other in others)
        {
            other.Join();
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        token.ThrowIfCancellationRequested();
        return counts;
    }

    /// <summary>
    /// The records of the inputs this run takes, in reading order: each once (an input given
    /// twice, or a page inside a folder also given, is still one record), none that
    /// <c>--resume</c> found done, and with <c>--shard</c> only the shard's. The shard counts every
    /// record the inputs hold, so that it does not depend on what <c>--resume</c> skips.
    /// </summary>
    private static IEnumerable<BatchRecord> Records(IReadOnlyList<BatchInput> inputs, ResumeState resume, Shard? shard)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = -1L;
        foreach (var input in inputs)
        {
            foreach (var record in input.Read(id => (shard is { } s && !s.Takes(++index)) || resume.Done.Contains(id) || !seen.Add(id)))
            {
                yield return record;
            }
        }
    }

    /// <summary>Opens <paramref name="path"/> for appending lines: UTF-8 without BOM, 64 KB buffered.</summary>
    public static TextWriter AppendTo(string path)
    {
        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
        return new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };
    }
}

/// <summary>
/// <c>--shard i/n</c>: of the records the inputs hold, in their reading order (numbered from 0),
/// this run takes those whose number is i − 1 modulo n. Every shard reads the same inputs the
/// same way, so the n shards together take every record exactly once.
/// </summary>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>Whether record number <paramref name="record"/> (0-based) is this shard's.</summary>
    public bool Takes(long record) => record % Count == Index - 1;

    /// <summary>Reads <c>i/n</c> with 1 ≤ i ≤ n; null when the text is not that.</summary>
    public static Shard? Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !int.TryParse(text.AsSpan(0, slash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            || count < 1 || index < 1 || index > count)
        {
            return null;
        }

        return new Shard(index, count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
