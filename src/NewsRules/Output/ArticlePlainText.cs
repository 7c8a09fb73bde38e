using System;
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

        if (!string.IsNullOrEmpty(article.Image))
        {
            md.Append("![](").Append(article.Image).Append(")\n\n");
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
                    md.Append("```\n").Append(block.Text).Append("\n```");
                    break;
                default:
                    md.Append(text.Replace("\n", "  \n"));
                    break;
            }

            md.Append("\n\n");
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    // Only what would change the meaning of running text: emphasis, code and leading markers.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        var result = escaped.ToString();
        return result.Length > 0 && (result[0] is '#' or '>' or '-' or '+') ? "\\" + result : result;
    }
}
