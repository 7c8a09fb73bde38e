using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NewsRules.Cli.Conformance;

/// <summary>One body section of a Fundus case: its sub-headings (often none) and paragraphs, in page order.</summary>
internal sealed record FundusSection(IReadOnlyList<string> Headlines, IReadOnlyList<string> Paragraphs);

/// <summary>
/// One case of a Fundus-style corpus (<c>cases.jsonl</c> lines with <c>publisher</c>,
/// <c>country</c> and an <c>expected</c> object whose <c>body</c> holds <c>summary</c> and
/// <c>sections</c>). A key the case leaves out is null here: Fundus's parser gives nothing
/// for it, and nothing is asserted.
/// </summary>
internal sealed record FundusCase(
    string Id,
    string Publisher,
    string Country,
    string Url,
    string Page,
    string? Title,
    IReadOnlyList<string>? Authors,
    string? Published,
    IReadOnlyList<string> Summary,
    IReadOnlyList<FundusSection> Sections,
    IReadOnlyList<string>? Topics)
{
    /// <summary>Reads <c>cases.jsonl</c>: one JSON object a line; blank lines skipped.</summary>
    public static List<FundusCase> ReadAll(string corpusDirectory)
    {
        var path = Path.Combine(corpusDirectory, "cases.jsonl");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{corpusDirectory}' has no cases.jsonl; a corpus folder holds cases.jsonl and the pages it names.", path);
        }

        var cases = new List<FundusCase>();
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
                throw new InvalidDataException($"{path}({lineNumber}): not a Fundus corpus case: {ex.Message}", ex);
            }
        }

        return cases;
    }

    /// <summary>
    /// True when the corpus's first case is in the Fundus format (it names a publisher and its
    /// expected body is an object); false for the Mercury format or a missing file.
    /// </summary>
    public static bool IsFundusCorpus(string corpusDirectory)
    {
        var path = Path.Combine(corpusDirectory, "cases.jsonl");
        if (!File.Exists(path))
        {
            return false;
        }

        var first = File.ReadLines(path).FirstOrDefault(l => l.Trim().Length > 0);
        if (first is null)
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(first);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("publisher", out _)
                && root.TryGetProperty("expected", out var expected)
                && expected.ValueKind == JsonValueKind.Object
                && expected.TryGetProperty("body", out var body)
                && body.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static FundusCase Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var expected = root.GetProperty("expected");
        var summary = new List<string>();
        var sections = new List<FundusSection>();
        if (expected.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
        {
            summary.AddRange(Strings(body, "summary") ?? new List<string>());
            if (body.TryGetProperty("sections", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var section in list.EnumerateArray())
                {
                    sections.Add(new FundusSection(Strings(section, "headline") ?? new List<string>(), Strings(section, "paragraphs") ?? new List<string>()));
                }
            }
        }

        return new FundusCase(
            root.GetProperty("id").GetString()!,
            root.GetProperty("publisher").GetString()!,
            root.TryGetProperty("country", out var country) ? country.GetString() ?? "?" : "?",
            root.GetProperty("url").GetString()!,
            root.GetProperty("page").GetString()!,
            expected.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null,
            Strings(expected, "authors"),
            expected.TryGetProperty("publishing_date", out var date) && date.ValueKind == JsonValueKind.String ? date.GetString() : null,
            summary,
            sections,
            Strings(expected, "topics"));
    }

    /// <summary>A list of strings under <paramref name="name"/>, or null when the key is missing.</summary>
    private static List<string>? Strings(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
    }
}
