using System;
using System.Collections.Generic;
using System.Linq;
using NewsRules.Output;

namespace NewsRules.Cli;

/// <summary>One field of an article as text, for <c>extract --field</c>: lists one item a line.</summary>
internal static class ArticleFields
{
    private static readonly string[] Standard =
    {
        "site", "url", "title", "lead", "authors", "published", "image", "language", "captions", "body", "text", "warnings",
    };

    public static IEnumerable<string> Names(Article article) => Standard.Concat(article.Fields.Keys.OrderBy(k => k, StringComparer.Ordinal));

    public static bool TryRender(Article article, string name, out string value)
    {
        value = name.ToLowerInvariant() switch
        {
            "site" => article.Site,
            "url" => article.Url,
            "title" => article.Title ?? string.Empty,
            "lead" => article.Lead ?? string.Empty,
            "authors" or "author" => Lines(article.Authors),
            "published" or "date" => article.Published is { } published ? ArticleJson.FormatDate(published) : string.Empty,
            "image" => article.Image ?? string.Empty,
            "language" => article.Language ?? string.Empty,
            "captions" => Lines(article.Captions),
            "body" => string.Join("\n", article.Body.Select(b => $"[{ArticleJson.KindName(b.Kind)}] {b.Text}")),
            "text" => article.Text,
            "warnings" => Lines(article.Warnings),
            _ => null!,
        };
        if (value is not null)
        {
            return true;
        }

        var custom = article.Fields.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (custom is null)
        {
            value = string.Empty;
            return false;
        }

        value = article.Fields[custom] switch
        {
            IReadOnlyList<string> list => Lines(list),
            var single => single?.ToString() ?? string.Empty,
        };
        return true;
    }

    private static string Lines(IReadOnlyList<string> values) => string.Join("\n", values);
}
