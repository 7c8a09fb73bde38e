using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NewsRules.Catalog;
using NewsRules.Cli.Batch;

namespace NewsRules.Batch.Tests;

/// <summary>
/// <see cref="BatchRunner"/> with one worker and with two: the same records, lines and counts,
/// and an interruption (Ctrl+C, SIGTERM) that leaves whole lines only.
/// </summary>
public sealed class RunnerTests : BatchTestBase
{
    [Fact]
    public async Task One_thread_and_two_give_the_same_lines_and_counts()
    {
        var folder = Path.GetDirectoryName(PathIn("pages/x"))!;
        for (var i = 0; i < 12; i++)
        {
            File.Copy(SamplePages[i % SamplePages.Count], Path.Combine(folder, $"p{i}.html"));
        }

        File.WriteAllText(Path.Combine(folder, "no-url.html"), "<p>no canonical link</p>");

        var (oneLines, one) = await RunAsync(folder, threads: 1);
        var (twoLines, two) = await RunAsync(folder, threads: 2);

        Assert.Equal(13, oneLines.Count);
        Assert.Equal(twoLines.Order(StringComparer.Ordinal), oneLines.Order(StringComparer.Ordinal));
        Assert.Equal((two.Records, two.Articles, two.Errors, two.NoRule), (one.Records, one.Articles, one.Errors, one.NoRule));
        Assert.Equal(1, one.Errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task An_interrupted_run_stops_with_whole_lines_written(int threads)
    {
        var folder = Path.GetDirectoryName(PathIn("pages/x"))!;
        for (var i = 0; i < 40; i++)
        {
            File.Copy(SamplePages[i % SamplePages.Count], Path.Combine(folder, $"p{i:00}.html"));
        }

        // The output cancels the run as its third line is written, as Ctrl+C would.
        using var stop = new CancellationTokenSource();
        var text = new CancellingWriter(stop, afterLines: 3);
        var inputs = new[] { BatchInput.Open(folder, () => Stream.Null) };
        await using var progress = new BatchProgress(TextWriter.Null, ProgressStyle.None, TimeSpan.FromSeconds(1), 0, () => 0);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BatchRunner.RunAsync(inputs, () => text, ResumeState.Load(PathIn("none.jsonl")), new RecordExtractor(Sites.All), threads, progress, stop.Token));

        var written = text.Written.ToString();
        Assert.EndsWith("\n", written, StringComparison.Ordinal);
        var lines = written.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 3, 39);
        Assert.All(lines, l => Assert.StartsWith("{", l, StringComparison.Ordinal));
    }

    private async Task<(List<string> Lines, BatchCounts Counts)> RunAsync(string folder, int threads)
    {
        var output = PathIn($"out{threads}.jsonl");
        var inputs = new[] { BatchInput.Open(folder, () => Stream.Null) };
        await using var progress = new BatchProgress(TextWriter.Null, ProgressStyle.None, TimeSpan.FromSeconds(1), 0, () => 0);
        var counts = await BatchRunner.RunAsync(inputs, () => BatchRunner.AppendTo(output), ResumeState.Load(output), new RecordExtractor(Sites.All), threads, progress, CancellationToken.None);
        return (File.ReadAllLines(output).ToList(), counts);
    }

    /// <summary>Keeps what is written and cancels <paramref name="stop"/> once <paramref name="afterLines"/> lines are complete.</summary>
    private sealed class CancellingWriter(CancellationTokenSource stop, int afterLines) : TextWriter
    {
        private int lines;

        public StringBuilder Written { get; } = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            Written.Append(value);
            if (value == '\n' && ++lines == afterLines)
            {
                stop.Cancel();
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? string.Empty)
            {
                Write(c);
            }
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(char value)
        {
            Write(value);
            return Task.CompletedTask;
        }
    }
}
