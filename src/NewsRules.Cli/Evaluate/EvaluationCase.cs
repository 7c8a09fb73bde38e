using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace NewsRules.Cli.Evaluate;

/// <summary>
/// One page of a trafilatura-style evaluation corpus: its URL, the saved page, snippets that must
/// (<c>with</c>) and must not (<c>without</c>) be in the main text, and the title, author(s) and
/// date where known.
/// </summary>
internal sealed record EvaluationCase(
    int Line,
    string Url,
    string Page,
    IReadOnlyList<string> With,
    IReadOnlyList<string> Without,
    string? Title,
    string? Author,
    string? Date)
{
    /// <summary>Reads <c>cases.jsonl</c>: one JSON object a line, blank lines skipped.</summary>
    public static List<EvaluationCase> ReadAll(string corpusDirectory)
    {
        var path = Path.Combine(corpusDirectory, "cases.jsonl");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"'{corpusDirectory}' has no cases.jsonl; an evaluation corpus holds cases.jsonl (url, page, with, without[, title, author, date]) and the pages it names.",
                path);
        }

        var cases = new List<EvaluationCase>();
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
                cases.Add(Parse(line, lineNumber));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException(
                    $"{path}({lineNumber}): not an evaluation case ({ex.Message}); each line must be a JSON object with url, page, with and without.",
                    ex);
            }
        }

        return cases;
    }

    private static EvaluationCase Parse(string line, int lineNumber)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new EvaluationCase(
            lineNumber,
            root.GetProperty("url").GetString() ?? string.Empty,
            root.GetProperty("page").GetString() ?? throw new InvalidOperationException("'page' is null"),
            Strings(root.GetProperty("with")),
            Strings(root.GetProperty("without")),
            Optional(root, "title"),
            Optional(root, "author"),
            Optional(root, "date"));
    }

    private static List<string> Strings(JsonElement array)
    {
        var list = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            list.Add(item.GetString() ?? string.Empty);
        }

        return list;
    }

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
