using System.Text.Json.Nodes;
using NewsRules.Cli.Batch;
using NewsRules.Output;

namespace NewsRules.Batch.Tests;

/// <summary>Article lines: the indented contract squeezed onto one line, strings untouched.</summary>
public sealed class BatchLineTests
{
    [Fact]
    public void Compact_keeps_every_string_and_drops_only_the_layout()
    {
        var article = new Article("Site", "https://a.example/x")
        {
            Title = "A \"quoted\" title: with  two spaces, a tab\tand\na line break",
            Authors = new[] { "  padded  ", "{not: json}" },
            Body = new[] { new Block(BlockKind.Paragraph, "back\\slash and \u2028 separator") },
            Text = "back\\slash",
            Fields = new Dictionary<string, object?> { ["Tags"] = new[] { "a , b", "[c]" }, ["Empty"] = null },
        };
        var indented = ArticleJson.Serialize(article);

        var result = BatchLine.Article(article, "/in/pages/x.html");

        Assert.DoesNotContain('\n', result.Line);
        var line = JsonNode.Parse(result.Line)!.AsObject();
        Assert.Equal("/in/pages/x.html", (string?)line["record"]);
        line.Remove("record");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(indented), line));
        Assert.Equal(BatchLine.Compact(indented), result.Line.Substring(0, result.Line.LastIndexOf(",\"record\"", StringComparison.Ordinal)) + "}");
        Assert.Equal("Site", result.Site);
    }

    [Fact]
    public void The_one_pass_line_is_the_indented_contract_compacted_for_empty_and_nested_values_too()
    {
        var empty = new Article("Empty", "https://a.example/e");
        var full = new Article("Site", "https://a.example/f")
        {
            Title = "t",
            Lead = "  lead: {x}  ",
            Authors = new[] { "A" },
            Published = new DateTimeOffset(2024, 5, 3, 10, 0, 0, TimeSpan.FromHours(2)),
            Captions = new[] { "c1", "c2" },
            Body = new[] { new Block(BlockKind.Heading, "h"), new Block(BlockKind.Quote, "\"q\""), new Block(BlockKind.Table, "a | b\nc | d") { Rows = new[] { new[] { "a", "b" }, new[] { "c", "d" } } } },
            Text = "h\n\n\"q\"",
            Fields = new Dictionary<string, object?> { ["B"] = Array.Empty<string>(), ["A"] = "x : y" },
            Warnings = new[] { "rule-rot: body: matched nothing", "other" },
        };

        foreach (var article in new[] { empty, full, empty })
        {
            var result = BatchLine.Article(article, "r");

            var rot = article.Warnings.Count > 0 ? ",\"rot\":[\"body\"]" : string.Empty;
            var compact = BatchLine.Compact(ArticleJson.Serialize(article));
            Assert.Equal(compact[..^1] + ",\"record\":\"r\"" + rot + "}", result.Line);
        }
    }

    [Fact]
    public void Error_lines_name_the_url_the_error_the_problem_and_the_record()
    {
        var result = BatchLine.Error("/in/x.warc.gz@42", null, BatchProblem.NoRule, "no rule for \"x\"");

        Assert.Equal("{\"url\":null,\"error\":\"no rule for \\\"x\\\"\",\"problem\":\"no-rule\",\"record\":\"/in/x.warc.gz@42\"}", result.Line);
        Assert.Equal(BatchProblem.NoRule, result.Problem);
    }
}
