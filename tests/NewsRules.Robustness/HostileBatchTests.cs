using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsRules.Robustness;

/// <summary>
/// Batch over hostile input: a record that fails becomes an error line, the run goes on, and
/// every record comes out exactly once (the batch's own tests cover folders, WARC files and a
/// killed run; this one feeds it the hostile-page matrix).
/// </summary>
public sealed class HostileBatchTests
{
    [Fact]
    public void Every_hostile_record_gives_exactly_one_line_and_the_good_ones_are_articles()
    {
        using var scratch = new Cli.Scratch();
        var lines = new List<string>();
        var expected = new List<string>();
        foreach (var page in HostilePages.All)
        {
            // One record per page under its own URL, so each line can be matched to its page.
            var url = $"https://arabic.rt.com/world/{1_000_000 + expected.Count}-{page.Name}/";
            lines.Add(JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = url, ["html"] = Encoding.UTF8.GetString(page.Bytes) }));
            expected.Add(url);
        }

        // Records that cannot be articles: no URL, not JSON, html not a string.
        lines.Add("""{"html": "<h1>no url</h1>"}""");
        lines.Add("""{"url": "https://arabic.rt.com/world/1355931-cut/", "html": "<h1>cut""");
        lines.Add("""{"url": "https://arabic.rt.com/world/1355932-number/", "html": 42}""");
        var input = scratch.Write("hostile.jsonl", Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        var output = Path.Combine(scratch.Root, "out.jsonl");

        var result = Cli.Run("batch", input, "--out", output, "--progress", "none", "--threads", "2");

        var written = File.ReadAllLines(output).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(lines.Count, written.Count);
        Assert.Equal(written.Count, written.Select(l => (string?)l["record"] ?? Id(l)).Distinct().Count());

        // Every hostile page is an article of RtArabic (none of them throws), in its own line.
        foreach (var url in expected)
        {
            var line = Assert.Single(written, l => (string?)l["url"] == url);
            Assert.True(line["error"] is null, $"{url}: {line["error"]}");
            Assert.Equal("RtArabic", (string?)line["site"]);
        }

        Assert.Equal(3, written.Count(l => l["error"] is not null));
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private static string Id(JsonObject line) => (string?)line["url"] ?? line.ToJsonString();
}
