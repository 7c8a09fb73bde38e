using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NewsRules.Output;

namespace NewsRules.Cli.Batch;

/// <summary>The outcome of one record: its output line (without the newline) and what it counts as in the summary.</summary>
/// <param name="Line">The output line, without its newline.</param>
/// <param name="Site">The article's site; null for an error line.</param>
/// <param name="Problem">Why the record gave no article; null for an article.</param>
/// <param name="Rot">The fields the rule was found rotted on (issue 19: <c>rule-rot:</c> warnings), in the order found; empty when none.</param>
internal sealed record BatchResult(string Line, string? Site, BatchProblem? Problem, IReadOnlyList<string> Rot)
{
    public BatchResult(string line, string? site, BatchProblem? problem)
        : this(line, site, problem, Array.Empty<string>())
    {
    }
}

/// <summary>
/// Output lines. An article is the JSON contract of <see cref="ArticleJson"/> on one line, with
/// <c>"record"</c> (the record id) appended, then <c>"rot"</c> (the fields the rule was found
/// rotted on, issue 19) only when there are any; an error is
/// <c>{"url", "error", "problem", "record"}</c>.
/// </summary>
internal static class BatchLine
{
    /// <summary>The start of the warning the front door adds for each rotted field: <c>rule-rot: FIELD: …</c> (RotGuard).</summary>
    public const string RotWarning = "rule-rot: ";

    // One builder per worker thread, reused: a line is written once, in one pass, and copied once (to its string).
    [ThreadStatic]
    private static StringBuilder? lineBuilder;

    public static BatchResult Article(Article article, string id)
    {
        var rot = RotFields(article.Warnings);
        var builder = lineBuilder ??= new StringBuilder(1 << 16);
        builder.Clear();

        // The contract on one line (ArticleJson's compact form), its closing brace reopened for "record" and "rot".
        ArticleJson.Write(builder, article, indented: false);
        builder.Length--;
        builder.Append(",\"record\":");
        ArticleJson.WriteString(builder, id);
        if (rot.Count > 0)
        {
            builder.Append(",\"rot\":[");
            for (var i = 0; i < rot.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                ArticleJson.WriteString(builder, rot[i]);
            }

            builder.Append(']');
        }

        builder.Append('}');
        var line = builder.ToString();
        if (builder.Capacity > 1 << 20)
        {
            // A huge article: let its buffer go rather than keep it for the rest of the run.
            lineBuilder = null;
        }

        return new BatchResult(line, article.Site, null, rot);
    }

    /// <summary>
    /// The fields named by the article's <c>rule-rot: FIELD: …</c> warnings, each once, in the
    /// order of the warnings (the front door adds one per rotted field: title, body).
    /// </summary>
    public static IReadOnlyList<string> RotFields(IReadOnlyList<string> warnings)
    {
        List<string>? fields = null;
        foreach (var warning in warnings)
        {
            if (!warning.StartsWith(RotWarning, StringComparison.Ordinal))
            {
                continue;
            }

            var end = warning.IndexOf(':', RotWarning.Length);
            var field = (end < 0 ? warning.Substring(RotWarning.Length) : warning.Substring(RotWarning.Length, end - RotWarning.Length)).Trim();
            if (field.Length == 0)
            {
                continue;
            }

            fields ??= new List<string>(2);
            if (!fields.Contains(field, StringComparer.Ordinal))
            {
                fields.Add(field);
            }
        }

        return fields is null ? Array.Empty<string>() : fields;
    }

    public static BatchResult Error(string id, string? url, BatchProblem problem, string error)
    {
        var builder = new StringBuilder(256);
        builder.Append("{\"url\":");
        if (url is null)
        {
            builder.Append("null");
        }
        else
        {
            ArticleJson.WriteString(builder, url);
        }

        builder.Append(",\"error\":");
        ArticleJson.WriteString(builder, error);
        builder.Append(",\"problem\":");
        ArticleJson.WriteString(builder, BatchProblems.Name(problem));
        builder.Append(",\"record\":");
        ArticleJson.WriteString(builder, id);
        builder.Append('}');
        return new BatchResult(builder.ToString(), null, problem);
    }

    /// <summary>
    /// The indented contract on one line: whitespace outside string literals is dropped (what
    /// <see cref="Article"/> writes in one pass with ArticleJson's compact form; kept as the
    /// reference the tests hold that form to). Safe
    /// because the writer escapes every line break and control character inside strings, so
    /// the only whitespace outside them is its own indentation and the space after each colon.
    /// </summary>
    public static string Compact(string json)
    {
        var builder = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\')
                {
                    builder.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                builder.Append(c);
            }
            else if (c is not (' ' or '\n' or '\r' or '\t'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
