using System.Text.Json.Nodes;
namespace NewsRules.Batch.Tests;

/// <summary>A folder of saved pages: one line per file, whatever the file holds.</summary>
public sealed class FolderInputTests : BatchTestBase
{
    private string MixedFolder()
    {
        var folder = PathIn("pages/x");
        folder = Path.GetDirectoryName(folder)!;
        foreach (var page in SamplePages)
        {
            File.Copy(page, Path.Combine(folder, Path.GetFileName(page)));
        }

        // A page cut off mid-way, a binary file, a page that names no URL, and a hidden file that is not a page.
        var ap = File.ReadAllBytes(ApPage);
        File.WriteAllBytes(Path.Combine(folder, "truncated.html"), ap.AsSpan(0, ap.Length / 3).ToArray());
        File.WriteAllBytes(Path.Combine(folder, "photo.jpg"), Enumerable.Range(0, 4000).Select(i => (byte)(i * 7 % 256)).ToArray());
        File.WriteAllText(Path.Combine(folder, "no-address.html"), "<html><body><h1>Hello</h1><p>No canonical link here.</p></body></html>");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.Copy(RtPage, Path.Combine(folder, "sub", "again.html"));
        File.WriteAllText(Path.Combine(folder, ".DS_Store"), "not a page");
        return folder;
    }

    [Fact]
    public void Every_file_of_a_folder_gives_exactly_one_line_and_articles_follow_the_contract()
    {
        var folder = MixedFolder();
        var output = PathIn("out.jsonl");

        var (exit, summary, _) = Run("batch", folder, "--out", output, "--progress", "none");

        var lines = ReadLines(output);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).ToList();
        Assert.Equal(files.Count, lines.Count);
        Assert.Equal(files.OrderBy(f => f, StringComparer.Ordinal), lines.Select(Id).OrderBy(f => f, StringComparer.Ordinal));
        Assert.Equal(1, exit);

        var byFile = lines.ToDictionary(l => Path.GetFileName(Id(l)));
        Assert.Equal("not-html", Problem(byFile["photo.jpg"]));
        Assert.Contains("binary", (string)byFile["photo.jpg"]["error"]!, StringComparison.Ordinal);
        Assert.Equal("no-url", Problem(byFile["no-address.html"]));
        Assert.Contains("canonical link", (string)byFile["no-address.html"]["error"]!, StringComparison.Ordinal);
        Assert.Equal("ApNews", (string?)byFile["truncated.html"]["site"]);

        foreach (var page in SamplePages)
        {
            Assert.True(JsonNode.DeepEquals(Expected(page), WithoutRecord(byFile[Path.GetFileName(page)])), $"{page}: the batch line differs from the article JSON");
        }

        Assert.Contains($"records:  {files.Count}", summary, StringComparison.Ordinal);
        Assert.Contains("no rule:  0", summary, StringComparison.Ordinal);
        Assert.Contains("errors:   2", summary, StringComparison.Ordinal);
        Assert.Contains("RtArabic 2", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_good_pages_exits_zero_and_each_line_is_one_line()
    {
        var folder = Path.GetDirectoryName(PathIn("good/x"))!;
        foreach (var page in SamplePages)
        {
            File.Copy(page, Path.Combine(folder, Path.GetFileName(page)));
        }

        var output = PathIn("out.jsonl");
        var (exit, _, _) = Run("batch", folder, "--out", output, "--threads", "2", "--progress", "none");

        Assert.Equal(0, exit);
        var text = File.ReadAllText(output);
        Assert.Equal(SamplePages.Count, text.Count(c => c == '\n'));
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_progress_is_plain_lines_with_rate_and_eta()
    {
        var folder = Path.GetDirectoryName(PathIn("good/x"))!;
        File.Copy(ApPage, Path.Combine(folder, "a.html"));

        var (exit, _, error) = Run("batch", folder, "--out", PathIn("out.jsonl"));

        Assert.Equal(0, exit);
        // Besides the line that says which rules ran.
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("newsrules: rules: ", StringComparison.Ordinal));
        Assert.StartsWith("batch: 1 records, 100% of the input read, ", line, StringComparison.Ordinal);
        Assert.Contains("pages/s, ETA ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", error, StringComparison.Ordinal);
    }
}
