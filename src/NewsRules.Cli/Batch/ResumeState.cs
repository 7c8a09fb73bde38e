using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace NewsRules.Cli.Batch;

/// <summary>
/// What an earlier, interrupted run already wrote to the output: the ids of its complete lines
/// and their counts. A last line without its newline was cut off mid-write: it is truncated
/// away and its record done again, so no record is lost or written twice.
/// </summary>
internal sealed class ResumeState
{
    private readonly HashSet<string> done = new(StringComparer.Ordinal);

    /// <summary>Record ids whose line is complete in the output.</summary>
    public IReadOnlySet<string> Done => done;

    /// <summary>The counts of those lines, to add to this run's summary.</summary>
    public BatchCounts Counts { get; } = new();

    /// <summary>Bytes of a cut-off last line removed from the file.</summary>
    public long Truncated { get; private set; }

    /// <summary>Reads <paramref name="path"/> (if it exists) and cuts a partial last line off it.</summary>
    /// <exception cref="BatchUsageException">A complete line is not a batch output line: the file is not this command's output.</exception>
    public static ResumeState Load(string path)
    {
        var state = new ResumeState();
        if (!File.Exists(path))
        {
            return state;
        }

        long completeLength = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            var line = new List<byte>(4096);
            var number = 0;
            long position = 0;
            int b;
            var buffered = new BufferedStream(stream, 1 << 16);
            while ((b = buffered.ReadByte()) >= 0)
            {
                position++;
                if (b != '\n')
                {
                    line.Add((byte)b);
                    continue;
                }

                number++;
                state.Add(path, number, line);
                line.Clear();
                completeLength = position;
            }

            state.Truncated = position - completeLength;
        }

        if (state.Truncated > 0)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            stream.SetLength(completeLength);
        }

        return state;
    }

    private void Add(string path, int number, List<byte> line)
    {
        if (line.Count == 0)
        {
            return;
        }

        try
        {
            using var json = JsonDocument.Parse(line.ToArray());
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("record", out var id) && id.ValueKind == JsonValueKind.String)
            {
                if (!done.Add(id.GetString()!))
                {
                    return;
                }

                if (root.TryGetProperty("error", out _))
                {
                    var problem = root.TryGetProperty("problem", out var p) && p.ValueKind == JsonValueKind.String && p.GetString() == "no-rule" ? BatchProblem.NoRule : BatchProblem.Failed;
                    Counts.Add(new BatchResult("", null, problem));
                }
                else
                {
                    Counts.Add(new BatchResult("", root.TryGetProperty("site", out var site) && site.ValueKind == JsonValueKind.String ? site.GetString() : "?", null, RotOf(root)));
                }

                return;
            }
        }
        catch (JsonException)
        {
        }

        throw new BatchUsageException(
            $"{path}({number}): this line is not a batch output line (a JSON object with a \"record\" id), so --resume cannot tell what it holds. Resume only a file batch wrote, or choose another --out.");
    }

    /// <summary>An article line's <c>"rot"</c> fields (absent on lines of healthy rules and of older versions).</summary>
    private static IReadOnlyList<string> RotOf(JsonElement root)
    {
        if (!root.TryGetProperty("rot", out var rot) || rot.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        var fields = new List<string>();
        foreach (var field in rot.EnumerateArray())
        {
            if (field.ValueKind == JsonValueKind.String)
            {
                fields.Add(field.GetString()!);
            }
        }

        return fields;
    }
}

/// <summary>Counts for the summary: records, articles per site, no-rule, errors, and rotted records per site and per field.</summary>
internal sealed class BatchCounts
{
    private readonly Dictionary<string, int> perSite = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> rotPerSite = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> rotPerField = new(StringComparer.Ordinal);

    public int Records { get; private set; }

    public int Articles { get; private set; }

    public int NoRule { get; private set; }

    public int Errors { get; private set; }

    public IReadOnlyDictionary<string, int> PerSite => perSite;

    /// <summary>Articles whose rule was found rotted on their page (one or more fields).</summary>
    public int Rotted { get; private set; }

    /// <summary>Rotted articles per site.</summary>
    public IReadOnlyDictionary<string, int> RotPerSite => rotPerSite;

    /// <summary>Rotted articles per field (an article rotted on title and body counts once under each).</summary>
    public IReadOnlyDictionary<string, int> RotPerField => rotPerField;

    public void Add(BatchResult result)
    {
        Records++;
        if (result.Problem is BatchProblem.NoRule)
        {
            NoRule++;
        }
        else if (result.Problem is not null)
        {
            Errors++;
        }
        else
        {
            Articles++;
            var site = result.Site ?? "?";
            Increment(perSite, site, 1);
            if (result.Rot.Count > 0)
            {
                Rotted++;
                Increment(rotPerSite, site, 1);
                foreach (var field in result.Rot)
                {
                    Increment(rotPerField, field, 1);
                }
            }
        }
    }

    public void Add(BatchCounts other)
    {
        Records += other.Records;
        Articles += other.Articles;
        NoRule += other.NoRule;
        Errors += other.Errors;
        Rotted += other.Rotted;
        foreach (var (site, n) in other.perSite)
        {
            Increment(perSite, site, n);
        }

        foreach (var (site, n) in other.rotPerSite)
        {
            Increment(rotPerSite, site, n);
        }

        foreach (var (field, n) in other.rotPerField)
        {
            Increment(rotPerField, field, n);
        }
    }

    private static void Increment(Dictionary<string, int> counts, string key, int by) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + by : by;
}
