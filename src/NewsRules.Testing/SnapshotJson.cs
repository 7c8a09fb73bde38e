using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NewsRules.Testing;

/// <summary>
/// The snapshot form of an article's JSON: the output contract with the body once (its blocks;
/// the top-level <c>text</c>, which is the non-caption blocks joined by blank lines, is left
/// out) and without the fields a test chooses to leave out. Strings are written exactly as the
/// contract writes them.
/// </summary>
public static class SnapshotJson
{
    /// <summary>
    /// The snapshot text of <paramref name="articleJson"/> (as <c>ArticleJson.Serialize</c> writes it),
    /// leaving out <c>text</c> and every field named in <paramref name="ignore"/>: a top-level name
    /// (<c>warnings</c>, <c>published</c>) or a custom field as <c>fields.Name</c>.
    /// </summary>
    public static string FromArticleJson(string articleJson, IEnumerable<string>? ignore = null)
    {
        ArgumentNullException.ThrowIfNull(articleJson);
        var left = new HashSet<string>(ignore ?? Array.Empty<string>(), StringComparer.Ordinal) { "text" };
        using var document = JsonDocument.Parse(articleJson);
        var text = new StringBuilder();
        Write(text, document.RootElement, 0, path: string.Empty, left);
        return text.Append('\n').ToString();
    }

    /// <summary>
    /// Reads a snapshot in the earlier form (with <c>text</c>) and returns it in the current form,
    /// after checking that the <c>text</c> it drops says nothing the body does not: it must be the
    /// non-caption blocks joined by blank lines. Throws <see cref="InvalidDataException"/> otherwise.
    /// A snapshot already in the current form comes back unchanged.
    /// </summary>
    public static string Migrate(string snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var document = JsonDocument.Parse(snapshot);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("the snapshot is not a JSON object.");
        }

        if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
        {
            var blocks = root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Array
                ? body.EnumerateArray()
                    .Where(block => block.TryGetProperty("kind", out var kind) && kind.GetString() != "caption")
                    .Select(block => block.TryGetProperty("text", out var blockText) ? blockText.GetString() ?? string.Empty : string.Empty)
                : Enumerable.Empty<string>();
            var expected = string.Join("\n\n", blocks);
            if (text.GetString() != expected)
            {
                throw new InvalidDataException("its 'text' is not the body's non-caption blocks joined by blank lines, so leaving it out would lose information; regenerate the snapshot (run the tests and accept) instead.");
            }
        }

        var result = new StringBuilder();
        Write(result, root, 0, string.Empty, new HashSet<string>(StringComparer.Ordinal) { "text" });
        return result.Append('\n').ToString();
    }

    private static void Write(StringBuilder text, JsonElement element, int depth, string path, HashSet<string> leftOut)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().Where(p => !leftOut.Contains(Join(path, p.Name))).ToList();
                if (properties.Count == 0)
                {
                    text.Append("{}");
                    return;
                }

                text.Append("{\n");
                for (var i = 0; i < properties.Count; i++)
                {
                    Indent(text, depth + 1);
                    text.Append('"').Append(properties[i].Name.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\": ");
                    Write(text, properties[i].Value, depth + 1, Join(path, properties[i].Name), leftOut);
                    text.Append(i < properties.Count - 1 ? ",\n" : "\n");
                }

                Indent(text, depth);
                text.Append('}');
                return;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().ToList();
                if (items.Count == 0)
                {
                    text.Append("[]");
                    return;
                }

                text.Append("[\n");
                for (var i = 0; i < items.Count; i++)
                {
                    Indent(text, depth + 1);
                    // Names below an array (body[].text) are not paths a test can leave out.
                    Write(text, items[i], depth + 1, path + "[]", leftOut);
                    text.Append(i < items.Count - 1 ? ",\n" : "\n");
                }

                Indent(text, depth);
                text.Append(']');
                return;
            default:
                // Strings, numbers, true/false/null exactly as the contract wrote them.
                text.Append(element.GetRawText());
                return;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static void Indent(StringBuilder text, int depth) => text.Append(' ', depth * 2);
}
