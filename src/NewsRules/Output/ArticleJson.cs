using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NewsRules.Output;

/// <summary>
/// Writes the JSON output contract: camelCase, fixed property order, two-space indent, LF,
/// every non-ASCII character written as itself (Arabic stays readable). Hand-written rather
/// than reflection-based, so it is trimming- and AOT-safe and byte-for-byte stable.
/// </summary>
public static class ArticleJson
{
    /// <summary>The article as indented JSON text (no trailing newline).</summary>
    public static string Serialize(Article article)
    {
        var builder = new StringBuilder();
        Write(builder, article, indented: true);
        return builder.ToString();
    }

    /// <summary>
    /// Appends the article's JSON to <paramref name="builder"/>: indented as <see cref="Serialize"/>
    /// writes it, or, with <paramref name="indented"/> false, the same text on one line (no
    /// whitespace outside strings), as <c>newsrules batch</c> writes its lines.
    /// </summary>
    public static void Write(StringBuilder builder, Article article, bool indented)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(article);
        var w = new Writer(builder, indented);
        w.BeginObject();
        w.Property("site", article.Site);
        w.Property("url", article.Url);
        w.Property("title", article.Title);
        w.Property("lead", article.Lead);
        w.Property("authors", article.Authors);
        w.Property("published", article.Published is { } published ? FormatDate(published) : null);
        w.Property("image", article.Image);
        w.Property("language", article.Language);
        w.Property("captions", article.Captions);
        w.Name("body");
        w.BeginArray(article.Body.Count);
        foreach (var block in article.Body)
        {
            w.Item();
            w.BeginObject();
            w.Property("kind", KindName(block.Kind));
            w.Property("text", block.Text);
            if (block.Rows is { } rows)
            {
                w.Rows("rows", rows);
            }

            w.EndObject();
        }

        w.EndArray(article.Body.Count);
        w.Property("text", article.Text);
        w.Name("fields");
        w.BeginObject();
        var names = new List<string>(article.Fields.Keys);
        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            switch (article.Fields[name])
            {
                case IReadOnlyList<string> list:
                    w.Property(name, list);
                    break;
                case var value:
                    w.Property(name, value?.ToString());
                    break;
            }
        }

        w.EndObject();
        w.Property("warnings", article.Warnings);
        w.EndObject();
    }

    /// <summary>ISO 8601 with the offset; fractional seconds only when there are any.</summary>
    public static string FormatDate(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>The contract's name of a block kind (camelCase).</summary>
    public static string KindName(BlockKind kind) => kind switch
    {
        BlockKind.Paragraph => "paragraph",
        BlockKind.Heading => "heading",
        BlockKind.Quote => "quote",
        BlockKind.ListItem => "listItem",
        BlockKind.Caption => "caption",
        BlockKind.Preformatted => "preformatted",
        BlockKind.Table => "table",
        _ => kind.ToString(),
    };

    /// <summary>A JSON string literal: quotes, backslashes and control characters escaped, lone surrogates replaced.</summary>
    public static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\u2028':
                case '\u2029':
                    // Valid JSON, but they end lines in JavaScript: escape them for consumers that eval.
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // A lone surrogate cannot be written as UTF-8: replace it, as a decoder would.
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private sealed class Writer(StringBuilder builder, bool indented)
    {
        private readonly Stack<bool> first = new();
        private int depth;

        public void BeginObject()
        {
            builder.Append('{');
            depth++;
            first.Push(true);
        }

        public void EndObject()
        {
            depth--;
            var empty = first.Pop();
            if (!empty)
            {
                NewLine();
            }

            builder.Append('}');
        }

        public void BeginArray(int count)
        {
            builder.Append('[');
            depth++;
            first.Push(true);
        }

        public void EndArray(int count)
        {
            depth--;
            first.Pop();
            if (count > 0)
            {
                NewLine();
            }

            builder.Append(']');
        }

        public void Name(string name)
        {
            Item();
            WriteString(builder, name);
            builder.Append(indented ? ": " : ":");
        }

        public void Item()
        {
            if (!first.Pop())
            {
                builder.Append(',');
            }

            first.Push(false);
            NewLine();
        }

        public void Property(string name, string? value)
        {
            Name(name);
            if (value is null)
            {
                builder.Append("null");
            }
            else
            {
                WriteString(builder, value);
            }
        }

        public void Property(string name, IReadOnlyList<string> values)
        {
            Name(name);
            BeginArray(values.Count);
            foreach (var value in values)
            {
                Item();
                WriteString(builder, value);
            }

            EndArray(values.Count);
        }

        /// <summary>Rows of cells: one row per line, its cells on that line (<c>["a", "b"]</c>).</summary>
        public void Rows(string name, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            Name(name);
            BeginArray(rows.Count);
            foreach (var row in rows)
            {
                Item();
                builder.Append('[');
                for (var i = 0; i < row.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(indented ? ", " : ",");
                    }

                    WriteString(builder, row[i]);
                }

                builder.Append(']');
            }

            EndArray(rows.Count);
        }

        public override string ToString() => builder.ToString();

        private void NewLine()
        {
            if (!indented)
            {
                return;
            }

            builder.Append('\n');
            builder.Append(' ', depth * 2);
        }
    }
}
