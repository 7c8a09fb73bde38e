using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NewsRules.Output;

/// <summary>Renders an article as plain text or Markdown, for reading and for pipelines that want prose.</summary>
public static class ArticlePlainText
{
    /// <summary>Title, lead and body text separated by blank lines; captions left out.</summary>
    public static string Text(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var parts = new[] { article.Title, article.Lead, article.Text }.Where(p => !string.IsNullOrEmpty(p));
        return string.Join("\n\n", parts);
    }

    /// <summary>Markdown: the title as a heading, byline and date, the lead in italics, then every block in order.</summary>
    public static string Markdown(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var md = new StringBuilder();
        if (!string.IsNullOrEmpty(article.Title))
        {
            md.Append("# ").Append(Escape(article.Title)).Append("\n\n");
        }

        var byline = string.Join(" · ", new[]
        {
            article.Authors.Count > 0 ? string.Join(", ", article.Authors) : null,
            article.Published is { } published ? ArticleJson.FormatDate(published) : null,
        }.Where(p => p is not null));
        if (byline.Length > 0)
        {
            md.Append(Escape(byline)).Append("\n\n");
        }

        if (!string.IsNullOrEmpty(article.Lead))
        {
            md.Append('*').Append(Escape(article.Lead)).Append("*\n\n");
        }

        if (SafeImageUrl(article.Image) is { } image)
        {
            md.Append("![](<").Append(image).Append(">)\n\n");
        }

        foreach (var block in article.Body)
        {
            var text = Escape(block.Text);
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    md.Append("## ").Append(text.Replace('\n', ' '));
                    break;
                case BlockKind.Quote:
                    md.Append("> ").Append(text.Replace("\n", "\n> "));
                    break;
                case BlockKind.ListItem:
                    md.Append("- ").Append(text.Replace("\n", "\n  "));
                    break;
                case BlockKind.Caption:
                    md.Append('*').Append(text).Append('*');
                    break;
                case BlockKind.Preformatted:
                    // A fence longer than any run of backticks inside, so the text cannot close it.
                    var fence = new string('`', Math.Max(3, LongestRun(block.Text, '`') + 1));
                    md.Append(fence).Append('\n').Append(block.Text).Append('\n').Append(fence);
                    break;
                case BlockKind.Table when block.Rows is { Count: > 0 } rows:
                    AppendTable(md, rows);
                    break;
                default:
                    md.Append(text.Replace("\n", "  \n"));
                    break;
            }

            md.Append("\n\n");
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    // Only what would change the meaning of running text: emphasis, code, and markers at the
    // start of any line: a heading, quote or list marker, a setext underline, or the "." / ")" of
    // an ordered list marker ("2024. A year" would start a list at 2024). CommonMark escapes only
    // punctuation, so for an ordered list the punctuation after the digits is escaped.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                lineStart = i + 1;
            }
            // '<' and '&' anywhere: Markdown passes raw HTML and entities through, so text that
            // reads "<script>" on the page must stay text in whatever renders the Markdown.
            else if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '&'
                || (i == lineStart && c is '#' or '>' or '-' or '+' or '=')
                || (c is '.' or ')' && EndsOrderedListMarker(text, lineStart, i)))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    // An absolute http(s) URL, with the characters that could end a <…> link destination or
    // break out of it percent-encoded; null for anything else (javascript:, data:, relative).
    private static string? SafeImageUrl(string? image)
    {
        if (string.IsNullOrWhiteSpace(image) || !Uri.TryCreate(image.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var text = uri.AbsoluteUri;
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => safe.Append("%3C"),
                '>' => safe.Append("%3E"),
                ' ' => safe.Append("%20"),
                '\\' => safe.Append("%5C"),
                '\n' or '\r' => safe,
                _ => safe.Append(c),
            };
        }

        return safe.ToString();
    }

    // A GitHub-flavoured Markdown table: the first row as its header, pipes in cells escaped.
    private static void AppendTable(StringBuilder md, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var columns = rows.Max(row => row.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0)
            {
                md.Append('\n');
            }

            md.Append('|');
            for (var c = 0; c < columns; c++)
            {
                var cell = c < rows[r].Count ? Escape(rows[r][c]).Replace("|", "\\|") : string.Empty;
                md.Append(' ').Append(cell).Append(" |");
            }

            if (r == 0)
            {
                md.Append('\n').Append('|');
                md.Insert(md.Length, " --- |", columns);
            }
        }
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    // True when text[lineStart..at) is 1-9 ASCII digits and text[at] ('.' or ')') is followed by a space or the line's end.
    private static bool EndsOrderedListMarker(string text, int lineStart, int at)
    {
        var digits = at - lineStart;
        if (digits is < 1 or > 9 || (at + 1 < text.Length && text[at + 1] is not (' ' or '\n')))
        {
            return false;
        }

        for (var i = lineStart; i < at; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
