using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace NewsRules.Cli.Conformance;

/// <summary>One case of a Mercury-style corpus: a page, its URL and the values asserted for it.</summary>
internal sealed record ConformanceCase(
    string Id,
    string Url,
    string Page,
    IReadOnlyDictionary<string, string?> Expected,
    int? ContentWords)
{
    /// <summary>The fields a case may assert, in report order.</summary>
    public static readonly string[] Fields = { "title", "author", "date_published", "dek", "lead_image_url", "content_first_words" };

    /// <summary>Reads <c>cases.jsonl</c>: one JSON object a line; blank lines skipped.</summary>
    public static List<ConformanceCase> ReadAll(string corpusDirectory)
    {
        var path = Path.Combine(corpusDirectory, "cases.jsonl");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{corpusDirectory}' has no cases.jsonl; a corpus folder holds cases.jsonl and the pages it names.", path);
        }

        var cases = new List<ConformanceCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                cases.Add(Parse(line));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}({lineNumber}): not a corpus case: {ex.Message}", ex);
            }
        }

        return cases;
    }

    private static ConformanceCase Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var expected = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (root.TryGetProperty("expected", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in values.EnumerateObject())
            {
                expected[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.ToString();
            }
        }

        int? words = root.TryGetProperty("content_words", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : null;
        return new ConformanceCase(
            root.GetProperty("id").GetString()!,
            root.GetProperty("url").GetString()!,
            root.GetProperty("page").GetString()!,
            expected,
            words);
    }
}
