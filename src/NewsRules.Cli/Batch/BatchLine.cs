using System;
using System.Text;
using NewsRules.Output;

namespace NewsRules.Cli.Batch;

/// <summary>The outcome of one record: its output line (without the newline) and what it counts as in the summary.</summary>
internal sealed record BatchResult(string Line, string? Site, BatchProblem? Problem);

/// <summary>
/// Output lines. An article is the JSON contract of <see cref="ArticleJson"/> on one line, with
/// <c>"record"</c> (the record id) appended as its last property; an error is
/// <c>{"url", "error", "problem", "record"}</c>.
/// </summary>
internal static class BatchLine
{
    public static BatchResult Article(Article article, string id)
    {
        var compact = Compact(ArticleJson.Serialize(article));
        var builder = new StringBuilder(compact.Length + id.Length + 16);
        builder.Append(compact, 0, compact.Length - 1).Append(",\"record\":");
        ArticleJson.WriteString(builder, id);
        builder.Append('}');
        return new BatchResult(builder.ToString(), article.Site, null);
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
    /// The indented contract on one line: whitespace outside string literals is dropped. Safe
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
