using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace NewsRules.Cli.Batch;

/// <summary>
/// The batch pipeline: one reader walks the inputs in order, <c>threads</c> workers parse and
/// extract, one writer appends lines. Bounded channels between them keep memory to a few pages
/// per worker however large the inputs; lines come out in completion order, each record once.
/// With one thread the run is a loop on one thread instead (<see cref="RunInline"/>).
/// </summary>
internal static class BatchRunner
{
    public static async Task<BatchCounts> RunAsync(
        IReadOnlyList<BatchInput> inputs,
        Func<TextWriter> openOutput,
        ResumeState resume,
        RecordExtractor extractor,
        int threads,
        BatchProgress progress,
        CancellationToken token,
        Shard? shard = null)
    {
        if (threads == 1)
        {
            return await Task.Run(() => RunInline(inputs, openOutput, resume, extractor, progress, token, shard), token).ConfigureAwait(false);
        }

        // A failing writer (disk full) must stop the reader and the workers too, or they would wait on full queues forever.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(token);
        token = failed.Token;
        var records = Channel.CreateBounded<BatchRecord>(new BoundedChannelOptions(threads * 2) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        var results = Channel.CreateBounded<BatchResult>(new BoundedChannelOptions(threads * 4) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var counts = new BatchCounts();

        var reader = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var record in Records(inputs, resume, shard))
                    {
                        if (!records.Writer.TryWrite(record))
                        {
                            // The workers are busy and the queue is full: rather than wait, the
                            // reader decodes the page (work the worker would do otherwise). When
                            // the workers outrun the reader the queue never fills and they decode.
                            RecordExtractor.Prepare(record);
                            await records.Writer.WriteAsync(record, token).ConfigureAwait(false);
                        }
                    }

                    records.Writer.Complete();
                }
                catch (Exception ex)
                {
                    records.Writer.Complete(ex);
                    throw;
                }
            },
            token);

        var workers = Enumerable.Range(0, threads).Select(_ => Task.Run(
            async () =>
            {
                await foreach (var record in records.Reader.ReadAllAsync(token).ConfigureAwait(false))
                {
                    await results.Writer.WriteAsync(extractor.Process(record), token).ConfigureAwait(false);
                }
            },
            token)).ToArray();

        var closer = Task.Run(async () =>
        {
            try
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
                results.Writer.Complete();
            }
            catch (Exception ex)
            {
                results.Writer.Complete(ex);
            }
        });

        var writer = Task.Run(
            async () =>
            {
                try
                {
                    await WriteAsync(openOutput, results.Reader, counts, progress, token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await failed.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            },
            token);

        await Task.WhenAll(reader, closer, writer).ConfigureAwait(false);
        return counts;
    }

    /// <summary>
    /// <c>--threads 1</c>: each record is read, extracted and its line written and flushed, in turn,
    /// on one thread. A task given one core (the pipe recipes of docs/batch.md run one such task per
    /// core) then keeps to it: no reader or writer thread beside the worker takes a share of a
    /// second core, and a page's bytes are decoded and parsed where they were read. The same
    /// records, lines, counts and resume point as the pipeline's; a killed run loses at most the
    /// record in hand, which <c>--resume</c> does again.
    /// </summary>
    private static BatchCounts RunInline(IReadOnlyList<BatchInput> inputs, Func<TextWriter> openOutput, ResumeState resume, RecordExtractor extractor, BatchProgress progress, CancellationToken token, Shard? shard)
    {
        var counts = new BatchCounts();
        using var text = openOutput();
        foreach (var record in Records(inputs, resume, shard))
        {
            if (token.IsCancellationRequested)
            {
                record.Release();
                token.ThrowIfCancellationRequested();
            }

            var result = extractor.Process(record);
            text.Write(result.Line);
            text.Write('\n');
            text.Flush();
            counts.Add(result);
            progress.Increment();
        }

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

    private static async Task WriteAsync(Func<TextWriter> openOutput, ChannelReader<BatchResult> results, BatchCounts counts, BatchProgress progress, CancellationToken token)
    {
        await using var text = openOutput();
        while (await results.WaitToReadAsync(token).ConfigureAwait(false))
        {
            while (results.TryRead(out var result))
            {
                await text.WriteAsync(result.Line).ConfigureAwait(false);
                await text.WriteAsync('\n').ConfigureAwait(false);
                counts.Add(result);
                progress.Increment();
            }

            // Flush whenever the queue runs dry: a killed run loses at most the lines
            // still in memory, and --resume redoes exactly those.
            await text.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
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
