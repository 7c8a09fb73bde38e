using System.Text.Json.Nodes;
using System.Text.Json;

namespace NewsRules.Batch.Tests;

/// <summary>JSONL files of {url, html}: one line per non-blank input line, bad lines included.</summary>
public sealed class JsonlInputTests : BatchTestBase
{
    [Fact]
    public void Each_line_is_one_record_and_bad_lines_are_error_records()
    {
        var input = PathIn("pages.jsonl");
        var lines = new[]
        {
            JsonSerializer.Serialize(new { url = UrlOf(RtPage), html = File.ReadAllText(RtPage) }),
            JsonSerializer.Serialize(new { html = File.ReadAllText(ApPage) }),
            "",
            "this is not json",
            JsonSerializer.Serialize(new { url = "https://apnews.com/article/x" }),
            JsonSerializer.Serialize(new { url = "https://unknown.example/a", html = "<p>x</p>" }),
            JsonSerializer.Serialize(new { url = "ftp://files.example/a", html = "<p>x</p>" }),
            "[1, 2]",
        };
        File.WriteAllText(input, string.Join("\n", lines) + "\n");
        var output = PathIn("out.jsonl");

        var (exit, summary, _) = Run("batch", input, "--out", output, "--progress", "none", "--no-fallback");

        Assert.Equal(1, exit);
        var records = ReadLines(output).ToDictionary(l => Id(l).Substring(Id(l).LastIndexOf('#') + 1));
        Assert.Equal(new[] { "1", "2", "4", "5", "6", "7", "8" }, records.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(records.Values, r => Assert.StartsWith(Path.GetFullPath(input) + "#", Id(r), StringComparison.Ordinal));
        Assert.True(JsonNode.DeepEquals(Expected(RtPage), WithoutRecord(records["1"])));
        Assert.True(JsonNode.DeepEquals(Expected(ApPage), WithoutRecord(records["2"])), "a line without url uses the page's canonical link");
        Assert.Equal("unreadable", Problem(records["4"]));
        Assert.Contains("(4): the line is not valid JSON", (string)records["4"]["error"]!, StringComparison.Ordinal);
        Assert.Contains("no \"html\" string", (string)records["5"]["error"]!, StringComparison.Ordinal);
        Assert.Equal("https://apnews.com/article/x", (string?)records["5"]["url"]);
        Assert.Equal("no-rule", Problem(records["6"]));
        Assert.Contains("no rule for host 'unknown.example'", (string)records["6"]["error"]!, StringComparison.Ordinal);
        Assert.Equal("no-url", Problem(records["7"]));
        Assert.Contains("not a JSON object", (string)records["8"]["error"]!, StringComparison.Ordinal);
        Assert.Contains("no rule:  1", summary, StringComparison.Ordinal);
        Assert.Contains("errors:   4", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_no_rule_serves_go_to_the_generic_fallback_unless_it_is_off()
    {
        var input = PathIn("unknown.jsonl");
        var html = "<html><head><title>A quiet harbour</title></head><body><article><h1>A quiet harbour</h1>"
            + "<p>The boats came back before the storm, and the harbour master counted every one of them twice.</p>"
            + "<p>Nobody was missing, and the fish market opened an hour late but sold out by noon.</p></article></body></html>";
        File.WriteAllText(input, JsonSerializer.Serialize(new { url = "https://unknown.example/harbour", html }) + "\n");

        var withFallback = PathIn("with.jsonl");
        var (exit, _, _) = Run("batch", input, "--out", withFallback, "--progress", "none");
        var article = ReadLines(withFallback).Single();
        Assert.Equal(0, exit);
        Assert.Null(article["error"]);
        Assert.Equal("unknown.example", (string?)article["site"]);
        Assert.Equal("A quiet harbour", (string?)article["title"]);
        Assert.Contains("fallback", article["warnings"]!.ToJsonString(), StringComparison.Ordinal);

        var withoutFallback = PathIn("without.jsonl");
        var (exitOff, _, _) = Run("batch", input, "--out", withoutFallback, "--progress", "none", "--no-fallback");
        Assert.Equal(1, exitOff);
        Assert.Equal("no-rule", Problem(ReadLines(withoutFallback).Single()));
    }
}
