using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsRules.Cli;

namespace NewsRules.Batch.Tests;

/// <summary>
/// Issue 24, point 3: what a scheduler needs. Standard input and output (<c>-</c>) for Hadoop
/// Streaming and Spark's pipe(), <c>--shard i/n</c> for array jobs, exit codes and stderr.
/// </summary>
public sealed class ClusterTests : BatchTestBase
{
    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void Jsonl_on_standard_input_gives_lines_on_standard_output_and_the_summary_on_stderr(string threads)
    {
        var input = Jsonl(Pages(6));

        var (exit, output, error) = RunWithInput(Encoding.UTF8.GetBytes(input), "batch", "-", "--out", "-", "--progress", "none", "--threads", threads);

        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.Equal(6, lines.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"-#{n}"), lines.Select(Id).OrderBy(id => int.Parse(id.AsSpan(2))));
        Assert.Equal(Enumerable.Range(1, 6).Select(UrlOfCopy).OrderBy(u => u, StringComparer.Ordinal), lines.Select(l => (string)l["url"]!).OrderBy(u => u, StringComparer.Ordinal));
        Assert.True(JsonNode.DeepEquals(ExpectedAt(RtPage, UrlOfCopy(1)), WithoutRecord(lines.Single(l => Id(l) == "-#1"))));
        Assert.Contains("batch: 6 record(s)", error, StringComparison.Ordinal);
        Assert.Contains("output:   standard output", error, StringComparison.Ordinal);
        Assert.DoesNotContain("batch:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzipped_warc_on_standard_input_is_read_as_warc()
    {
        var warc = new WarcBuilder().Info().Response(UrlOf(RtPage), File.ReadAllBytes(RtPage)).Response(UrlOf(ApPage), File.ReadAllBytes(ApPage));
        var path = PathIn("in.warc.gz");
        warc.Save(path);

        var (exit, output, _) = RunWithInput(File.ReadAllBytes(path), "batch", "-", "--out", "-", "--progress", "none");

        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.Equal(warc.ResponseOffsets.Select(o => $"-@{o}"), lines.Select(Id).OrderBy(id => long.Parse(id.AsSpan(2))));
        Assert.True(JsonNode.DeepEquals(Expected(RtPage), WithoutRecord(lines.Single(l => Id(l) == $"-@{warc.ResponseOffsets[0]}"))));
    }

    [Fact]
    public void Gzipped_jsonl_on_standard_input_is_read_as_jsonl_into_a_file()
    {
        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Jsonl(Pages(3))));
        }

        var outFile = PathIn("out.jsonl");
        var (exit, output, _) = RunWithInput(gz.ToArray(), "batch", "-", "--out", outFile, "--progress", "none");

        Assert.Equal(0, exit);
        Assert.Equal(3, ReadLines(outFile).Count);
        Assert.Contains("batch: 3 record(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_lines_on_standard_input_are_error_lines_and_allow_errors_exits_zero()
    {
        var input = Jsonl(Pages(2)) + "not json\n";

        var (strict, strictOutput, _) = RunWithInput(Encoding.UTF8.GetBytes(input), "batch", "-", "--out", "-", "--progress", "none");
        var (lenient, lenientOutput, _) = RunWithInput(Encoding.UTF8.GetBytes(input), "batch", "-", "--out", "-", "--progress", "none", "--allow-errors");

        Assert.Equal(1, strict);
        Assert.Equal(0, lenient);
        foreach (var output in new[] { strictOutput, lenientOutput })
        {
            var lines = Lines(output);
            Assert.Equal(3, lines.Count);
            Assert.Equal("unreadable", Problem(lines.Single(l => Id(l) == "-#3")));
        }
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void Shards_of_the_same_inputs_take_every_record_exactly_once(string threads)
    {
        // A folder, a JSONL file and a WARC: the shard counts records across all of them.
        File.Copy(RtPage, PathIn("pages/a.html"));
        File.Copy(ApPage, PathIn("pages/b.html"));
        File.WriteAllText(PathIn("pages/c.html"), "<p>no canonical link</p>");
        var jsonl = PathIn("more.jsonl");
        File.WriteAllText(jsonl, Jsonl(Pages(7)));
        var warc = new WarcBuilder().Info().Response(UrlOf(RtPage), File.ReadAllBytes(RtPage)).Response(UrlOf(ApPage), File.ReadAllBytes(ApPage));
        var warcPath = PathIn("c.warc");
        warc.Save(warcPath);
        var inputs = new[] { Path.Combine(Scratch, "pages"), jsonl, warcPath };

        var whole = PathIn("whole.jsonl");
        Run(inputs.Concat(new[] { "--out", whole, "--progress", "none", "--threads", threads }).Prepend("batch").ToArray());
        var all = ReadLines(whole).Select(Id).ToList();
        Assert.Equal(12, all.Count);

        var shards = new List<List<string>>();
        for (var i = 1; i <= 3; i++)
        {
            var output = PathIn($"shard{i}.jsonl");
            var (exit, summary, _) = Run(inputs.Concat(new[] { "--out", output, "--progress", "none", "--threads", threads, "--shard", $"{i}/3" }).Prepend("batch").ToArray());
            Assert.True(exit is 0 or 1, $"shard {i} exit {exit}");
            Assert.Contains($"shard {i}/3", summary, StringComparison.Ordinal);
            shards.Add(ReadLines(output).Select(Id).ToList());
        }

        Assert.All(shards, s => Assert.Equal(4, s.Count));
        Assert.Equal(all.OrderBy(id => id, StringComparer.Ordinal), shards.SelectMany(s => s).OrderBy(id => id, StringComparer.Ordinal));

        // Deterministic: the same shard again takes the same records.
        var again = PathIn("again.jsonl");
        Run(inputs.Concat(new[] { "--out", again, "--progress", "none", "--threads", threads, "--shard", "2/3" }).Prepend("batch").ToArray());
        Assert.Equal(shards[1].OrderBy(id => id, StringComparer.Ordinal), ReadLines(again).Select(Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void A_resumed_shard_keeps_its_own_records()
    {
        var jsonl = PathIn("in.jsonl");
        File.WriteAllText(jsonl, Jsonl(Pages(10)));
        var output = PathIn("s.jsonl");
        Run("batch", jsonl, "--out", output, "--progress", "none", "--shard", "2/4");
        var first = ReadLines(output).Select(Id).OrderBy(id => id, StringComparer.Ordinal).ToList();

        // Cut the file inside its last line, as a killed run leaves it, and resume.
        var bytes = File.ReadAllBytes(output);
        File.WriteAllBytes(output, bytes.AsSpan(0, bytes.Length - 20).ToArray());
        var (exit, _, _) = Run("batch", jsonl, "--out", output, "--progress", "none", "--shard", "2/4", "--resume");

        Assert.Equal(0, exit);
        Assert.Equal(new[] { "#10", "#2", "#6" }, first.Select(id => id.Substring(id.LastIndexOf('#'))).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(first, ReadLines(output).Select(Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void An_empty_shard_is_not_an_error()
    {
        var jsonl = PathIn("in.jsonl");
        File.WriteAllText(jsonl, Jsonl(Pages(1)));

        var (exit, _, _) = Run("batch", jsonl, "--out", PathIn("s.jsonl"), "--progress", "none", "--shard", "2/2");

        Assert.Equal(0, exit);
        Assert.Empty(ReadLines(Path.Combine(Scratch, "s.jsonl")));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("-1/3")]
    public void A_bad_shard_is_a_usage_error(string shard)
    {
        File.Copy(ApPage, PathIn("p/a.html"));

        var (exit, _, error) = Run("batch", Path.Combine(Scratch, "p"), "--out", PathIn("o.jsonl"), "--shard", shard);

        Assert.Equal(2, exit);
        Assert.Contains($"--shard '{shard}' is not i/n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_to_standard_output_is_a_usage_error()
    {
        var (exit, _, error) = RunWithInput(Array.Empty<byte>(), "batch", "-", "--out", "-", "--resume");

        Assert.Equal(2, exit);
        Assert.Contains("--resume needs an --out file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_names_the_top_sites_and_counts_the_rest()
    {
        var counts = new NewsRules.Cli.Batch.BatchCounts();
        for (var site = 0; site < 25; site++)
        {
            for (var n = 0; n <= site; n++)
            {
                counts.Add(new NewsRules.Cli.Batch.BatchResult("", $"Site{site:00}", null));
            }
        }

        var text = BatchCommand.SitesOf(counts);

        Assert.StartsWith(" from 25 site(s): Site24 25, Site23 24, ", text, StringComparison.Ordinal);
        Assert.Equal(BatchCommand.SummarySites, System.Text.RegularExpressions.Regex.Matches(text, @"Site\d\d \d+").Count);
        // 15 sites left, with 1 + 2 + … + 15 articles.
        Assert.EndsWith(", Site15 16, and 120 from 15 more site(s)", text, StringComparison.Ordinal);
    }

    /// <summary>The two sample pages, alternately, each at its own URL with <c>?copy=n</c> (1-based) so every line is distinct.</summary>
    private static IEnumerable<(string Url, string Html)> Pages(int count) =>
        Enumerable.Range(1, count).Select(n => (UrlOfCopy(n), File.ReadAllText(n % 2 == 1 ? RtPage : ApPage)));

    private static string UrlOfCopy(int n) => $"{UrlOf(n % 2 == 1 ? RtPage : ApPage)}?copy={n}";

    private static string Jsonl(IEnumerable<(string Url, string Html)> pages) =>
        string.Concat(pages.Select(p => JsonSerializer.Serialize(new { url = p.Url, html = p.Html }) + "\n"));

    private static List<JsonObject> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    private static JsonObject ExpectedAt(string page, string url)
    {
        var document = NewsRules.Html.HtmlDocuments.Parse(File.ReadAllText(page));
        var uri = new Uri(url);
        return JsonNode.Parse(NewsRules.Output.ArticleJson.Serialize(NewsRules.Catalog.Sites.ForUrl(uri)!.Extract(document, uri)))!.AsObject();
    }

    private static (int Exit, string Output, string Error) RunWithInput(byte[] input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (CliApp.Run(args, new MemoryStream(input), output, error), output.ToString(), error.ToString());
    }
}
