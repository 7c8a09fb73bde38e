using System.Diagnostics;
using System.Text;

namespace NewsRules.Batch.Tests;

/// <summary>--resume: an interrupted run continues without a record lost or written twice.</summary>
public sealed class ResumeTests : BatchTestBase
{
    private (string Input, List<string> Ids) BigWarc(int records)
    {
        var pages = SamplePages.Select(p => (Url: UrlOf(p), Bytes: File.ReadAllBytes(p))).ToList();
        var warc = new WarcBuilder().Info();
        for (var i = 0; i < records; i++)
        {
            var (url, bytes) = pages[i % pages.Count];
            warc.Request(url).Response(url, bytes, "text/html; charset=utf-8");
        }

        var input = PathIn("big.warc.gz");
        warc.Save(input);
        return (input, warc.ResponseOffsets.Select(o => $"{input}@{o}").ToList());
    }

    [Fact]
    public void A_cut_off_last_line_is_removed_and_its_record_done_again()
    {
        var (input, ids) = BigWarc(12);
        var full = PathIn("full.jsonl");
        Assert.Equal(0, Run("batch", input, "--out", full, "--progress", "none").Exit);
        var fullLines = File.ReadAllLines(full);

        // What a kill during the third write leaves: two lines and half of the third.
        var output = PathIn("out.jsonl");
        var third = Encoding.UTF8.GetBytes(fullLines[2]);
        File.WriteAllText(output, fullLines[0] + "\n" + fullLines[1] + "\n");
        using (var file = new FileStream(output, FileMode.Append))
        {
            file.Write(third, 0, third.Length / 2);
        }

        var (exit, summary, _) = Run("batch", input, "--out", output, "--resume", "--progress", "none");

        Assert.Equal(0, exit);
        var lines = ReadLines(output);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), lines.Select(Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(fullLines.OrderBy(l => l, StringComparer.Ordinal), File.ReadAllLines(output).OrderBy(l => l, StringComparer.Ordinal));
        Assert.Contains("resumed: 2 record(s) were already in the output; a cut-off last line", summary, StringComparison.Ordinal);
        Assert.Contains("records:  12", summary, StringComparison.Ordinal);
        Assert.StartsWith("batch: 10 record(s)", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Resuming_a_finished_run_writes_nothing_more()
    {
        var (input, ids) = BigWarc(3);
        var output = PathIn("out.jsonl");
        Assert.Equal(0, Run("batch", input, "--out", output, "--progress", "none").Exit);
        var before = File.ReadAllText(output);

        var (exit, summary, _) = Run("batch", input, "--out", output, "--resume", "--progress", "none");

        Assert.Equal(0, exit);
        Assert.Equal(before, File.ReadAllText(output));
        Assert.StartsWith("batch: 0 record(s)", summary, StringComparison.Ordinal);
        Assert.Contains($"records:  {ids.Count}", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void A_killed_run_resumed_holds_every_record_exactly_once(string threads)
    {
        const int Records = 1500;
        var (input, ids) = BigWarc(Records);
        var output = PathIn("out.jsonl");
        var cli = Path.Combine(AppContext.BaseDirectory, "NewsRules.Cli.dll");
        Assert.True(File.Exists(cli), $"the CLI is not at {cli}; build the test project.");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "batch", input, "--out", output, "--threads", threads, "--progress", "none" })
        {
            start.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(start)!)
        {
            // Kill it as soon as a few lines are out (no sleeping for a fixed time: poll the file).
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!process.HasExited && CountNewlines(output) < 10 && DateTime.UtcNow < deadline)
            {
                System.Threading.Thread.Sleep(5);
            }

            if (process.HasExited)
            {
                Assert.Fail($"the run ended (exit {process.ExitCode}) before it could be killed: {process.StandardError.ReadToEnd()}");
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var written = CountNewlines(output);
        Assert.InRange(written, 10, Records - 1);

        var (exit, summary, error) = Run("batch", input, "--out", output, "--resume", "--threads", threads, "--progress", "none");

        Assert.True(exit == 0, error);
        var lines = ReadLines(output);
        Assert.Equal(Records, lines.Count);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), lines.Select(Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.All(lines, l => Assert.NotNull(l["site"]));
        Assert.Contains($"records:  {Records}", summary, StringComparison.Ordinal);
    }

    private static int CountNewlines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var count = 0;
        int b;
        var buffered = new BufferedStream(stream);
        while ((b = buffered.ReadByte()) >= 0)
        {
            count += b == '\n' ? 1 : 0;
        }

        return count;
    }
}
