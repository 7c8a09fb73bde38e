using System.Threading.Tasks;
using NewsRules.Cli.Batch;

namespace NewsRules.Batch.Tests;

/// <summary>The progress bar for terminals and the plain lines for logs.</summary>
public sealed class ProgressTests
{
    [Fact]
    public async Task The_bar_redraws_one_line_with_share_rate_and_eta_and_clears_it_at_the_end()
    {
        var error = new StringWriter();
        var consumed = 250L;
        var progress = new BatchProgress(error, ProgressStyle.Bar, TimeSpan.FromHours(1), 1000, () => consumed);
        progress.Increment();
        progress.Increment();

        progress.Report();
        consumed = 500;
        progress.Report();
        var drawn = error.ToString();
        await progress.DisposeAsync();

        Assert.StartsWith("\r[######------------------]  25%  2 pages  ", drawn, StringComparison.Ordinal);
        Assert.Contains("\r[############------------]  50%  2 pages  ", drawn, StringComparison.Ordinal);
        Assert.Contains(" pages/s  ETA ", drawn, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToString());
        Assert.EndsWith("\r", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_are_whole_lines_and_one_comes_at_the_end()
    {
        var error = new StringWriter();
        var progress = new BatchProgress(error, ProgressStyle.Lines, TimeSpan.FromHours(1), 0, () => 0);
        progress.Increment();

        await progress.DisposeAsync();

        Assert.Matches(@"^batch: 1 records, 0% of the input read, [0-9.]+ pages/s, ETA \?\n$", error.ToString());
    }
}
