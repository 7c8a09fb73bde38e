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
                    Counts.Add(new BatchResult("", root.TryGetProperty("site", out var site) && site.ValueKind == JsonValueKind.String ? site.GetString() : "?", null));
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
}

/// <summary>Counts for the summary: records, articles per site, no-rule, errors.</summary>
internal sealed class BatchCounts
{
    private readonly Dictionary<string, int> perSite = new(StringComparer.Ordinal);

    public int Records { get; private set; }

    public int Articles { get; private set; }

    public int NoRule { get; private set; }

    public int Errors { get; private set; }

    public IReadOnlyDictionary<string, int> PerSite => perSite;

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
            perSite[site] = perSite.TryGetValue(site, out var n) ? n + 1 : 1;
        }
    }

    public void Add(BatchCounts other)
    {
        Records += other.Records;
        Articles += other.Articles;
        NoRule += other.NoRule;
        Errors += other.Errors;
        foreach (var (site, n) in other.perSite)
        {
            perSite[site] = perSite.TryGetValue(site, out var m) ? m + n : n;
        }
    }
}
