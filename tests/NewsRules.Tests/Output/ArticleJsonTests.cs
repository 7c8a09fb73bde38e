using System.Text;
using System.Text.Json;
using NewsRules.Output;

namespace NewsRules.Tests.Output;

/// <summary>The JSON output contract, byte for byte.</summary>
public sealed class ArticleJsonTests
{
    private static readonly string[] ContractOrder =
        ["site", "url", "title", "lead", "authors", "published", "image", "language", "captions", "body", "text", "fields", "warnings"];

    private static Article Full() => new("Example", "https://example.com/a")
    {
        Title = "عنوان \"quoted\" \\ back",
        Lead = "Lead",
        Authors = ["Ann Lee", "Bo Chen"],
        Published = new DateTimeOffset(2024, 5, 21, 9, 41, 0, TimeSpan.FromHours(3)),
        Image = "https://example.com/a.jpg",
        Language = "ar",
        Captions = ["Cap"],
        Body = [new Block(BlockKind.Paragraph, "One."), new Block(BlockKind.ListItem, "Two"), new Block(BlockKind.Caption, "Cap")],
        Text = "One.\n\nTwo",
        Fields = new Dictionary<string, object?>
        {
            ["Zeta"] = "z",
            ["Alpha"] = new[] { "a1", "a2" },
            ["Mid"] = null,
            ["Empty"] = Array.Empty<string>(),
        },
        Warnings = ["lead: nothing matched '.dek'."],
    };

    [Fact]
    public void Properties_are_in_contract_order()
    {
        using var json = JsonDocument.Parse(ArticleJson.Serialize(Full()));

        Assert.Equal(ContractOrder, json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Empty_article_still_writes_every_property_in_order()
    {
        var text = ArticleJson.Serialize(new Article("Example", "https://example.com/"));
        using var json = JsonDocument.Parse(text);

        Assert.Equal(ContractOrder, json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("published").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("authors").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("body").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("fields").ValueKind);
        Assert.Contains("\"authors\": [],", text, StringComparison.Ordinal);
        Assert.Contains("\"fields\": {},", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Exact_layout_of_a_small_article()
    {
        var article = new Article("Example", "https://example.com/a")
        {
            Title = "T",
            Authors = ["A"],
            Body = [new Block(BlockKind.Heading, "H"), new Block(BlockKind.ListItem, "L")],
            Text = "H\n\nL",
            Fields = new Dictionary<string, object?> { ["Tags"] = new[] { "x" }, ["Source"] = "S" },
        };

        const string expected = """
            {
              "site": "Example",
              "url": "https://example.com/a",
              "title": "T",
              "lead": null,
              "authors": [
                "A"
              ],
              "published": null,
              "image": null,
              "language": null,
              "captions": [],
              "body": [
                {
                  "kind": "heading",
                  "text": "H"
                },
                {
                  "kind": "listItem",
                  "text": "L"
                }
              ],
              "text": "H\n\nL",
              "fields": {
                "Source": "S",
                "Tags": [
                  "x"
                ]
              },
              "warnings": []
            }
            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), ArticleJson.Serialize(article));
    }

    [Fact]
    public void Indent_is_two_spaces_and_lines_end_with_lf_only()
    {
        var text = ArticleJson.Serialize(Full());

        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\t', text);
        Assert.False(text.EndsWith('\n'), "no trailing newline");
        foreach (var line in text.Split('\n').Skip(1).SkipLast(1))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            Assert.True(indent >= 2 && indent % 2 == 0, $"odd indent in line '{line}'");
        }

        Assert.StartsWith("{\n  \"site\": \"Example\",\n  \"url\"", text, StringComparison.Ordinal);
        Assert.EndsWith("\n}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BlockKind.Paragraph, "paragraph")]
    [InlineData(BlockKind.Heading, "heading")]
    [InlineData(BlockKind.Quote, "quote")]
    [InlineData(BlockKind.ListItem, "listItem")]
    [InlineData(BlockKind.Caption, "caption")]
    [InlineData(BlockKind.Preformatted, "preformatted")]
    [InlineData(BlockKind.Table, "table")]
    public void Block_kinds_are_camel_case(BlockKind kind, string expected)
    {
        var article = new Article("Example", "https://example.com/") { Body = [new Block(kind, "x")] };

        using var json = JsonDocument.Parse(ArticleJson.Serialize(article));

        Assert.Equal(expected, json.RootElement.GetProperty("body")[0].GetProperty("kind").GetString());
        Assert.Equal(expected, ArticleJson.KindName(kind));
    }

    [Fact]
    public void Arabic_is_written_as_utf8_text_not_escapes()
    {
        const string arabic = "لافروف: روسيا ستدعم مالي";
        var text = ArticleJson.Serialize(new Article("RtArabic", "https://arabic.rt.com/") { Title = arabic });

        Assert.Contains($"\"title\": \"{arabic}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        var bytes = new UTF8Encoding(false, true).GetBytes(text);
        Assert.Equal(text, new UTF8Encoding(false, true).GetString(bytes));
    }

    [Fact]
    public void Zwnj_and_zwj_are_written_raw()
    {
        var text = ArticleJson.Serialize(new Article("Example", "https://example.com/") { Title = "می\u200Cخواهم a\u200Db" });

        Assert.Contains("می\u200Cخواهم a\u200Db", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u200", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Emoji_surrogate_pairs_are_written_raw()
    {
        var text = ArticleJson.Serialize(new Article("Example", "https://example.com/") { Title = "ok 👍" });

        Assert.Contains("\"ok 👍\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_surrogate_is_replaced_so_the_output_is_valid_utf8()
    {
        var text = ArticleJson.Serialize(new Article("Example", "https://example.com/") { Title = "a\uD800b" });

        Assert.Contains("\"a\uFFFDb\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\path", "\"C:\\\\path\"")]
    [InlineData("a\nb", "\"a\\nb\"")]
    [InlineData("a\rb", "\"a\\rb\"")]
    [InlineData("a\tb", "\"a\\tb\"")]
    [InlineData("a\u0001b", "\"a\\u0001b\"")]
    [InlineData("a\u001Fb", "\"a\\u001fb\"")]
    [InlineData("a\u2028b", "\"a\\u2028b\"")]
    [InlineData("</script>", "\"</script>\"")]
    public void Strings_are_escaped(string value, string expected)
    {
        var builder = new StringBuilder();
        ArticleJson.WriteString(builder, value);

        Assert.Equal(expected, builder.ToString());
    }

    [Fact]
    public void Escaped_strings_round_trip_through_system_text_json()
    {
        const string nasty = "q\" b\\ n\n r\r t\t c\u0001\u001F ls\u2028 ps\u2029 ar عربي zwnj\u200C del\u007F";
        var article = new Article("Example", "https://example.com/") { Title = nasty, Fields = new Dictionary<string, object?> { ["K\"ey"] = nasty } };

        using var json = JsonDocument.Parse(ArticleJson.Serialize(article));

        Assert.Equal(nasty, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(nasty, json.RootElement.GetProperty("fields").GetProperty("K\"ey").GetString());
    }

    [Fact]
    public void Published_is_iso_8601_with_its_offset()
    {
        using var json = JsonDocument.Parse(ArticleJson.Serialize(Full()));

        Assert.Equal("2024-05-21T09:41:00+03:00", json.RootElement.GetProperty("published").GetString());
    }

    [Theory]
    [InlineData(0, 0, "2024-01-02T03:04:05+00:00")]
    [InlineData(-330, 0, "2024-01-02T03:04:05-05:30")]
    [InlineData(60, 1230000, "2024-01-02T03:04:05.123+01:00")]
    public void Format_date_keeps_offset_and_only_needed_fraction(int offsetMinutes, long extraTicks, string expected)
    {
        var value = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(extraTicks);

        Assert.Equal(expected, ArticleJson.FormatDate(value));
        Assert.Equal(value, DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Fields_are_sorted_ordinally_and_lists_are_arrays()
    {
        using var json = JsonDocument.Parse(ArticleJson.Serialize(Full()));
        var fields = json.RootElement.GetProperty("fields");

        Assert.Equal(["Alpha", "Empty", "Mid", "Zeta"], fields.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Array, fields.GetProperty("Alpha").ValueKind);
        Assert.Equal(["a1", "a2"], fields.GetProperty("Alpha").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Array, fields.GetProperty("Empty").ValueKind);
        Assert.Equal(JsonValueKind.Null, fields.GetProperty("Mid").ValueKind);
        Assert.Equal("z", fields.GetProperty("Zeta").GetString());
    }

    [Fact]
    public void Field_names_sort_ordinally_uppercase_before_lowercase()
    {
        var article = new Article("Example", "https://example.com/")
        {
            Fields = new Dictionary<string, object?> { ["b"] = "1", ["B"] = "2", ["a"] = "3", ["Ä"] = "4" },
        };

        using var json = JsonDocument.Parse(ArticleJson.Serialize(article));

        Assert.Equal(["B", "a", "b", "Ä"], json.RootElement.GetProperty("fields").EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Serialized_values_match_the_article()
    {
        var article = Full();
        using var json = JsonDocument.Parse(ArticleJson.Serialize(article));
        var root = json.RootElement;

        Assert.Equal(article.Title, root.GetProperty("title").GetString());
        Assert.Equal(article.Authors, root.GetProperty("authors").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(article.Text, root.GetProperty("text").GetString());
        Assert.Equal(3, root.GetProperty("body").GetArrayLength());
        Assert.Equal(article.Warnings, root.GetProperty("warnings").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }
}
