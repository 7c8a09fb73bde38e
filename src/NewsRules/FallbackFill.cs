using System;
using System.Collections.Generic;

namespace NewsRules;

/// <summary>
/// <c>fallback: true</c>: the fields a rule left empty (or does not set) taken from the generic
/// extractor, and a warning that names them. The page is scored only when a field is empty.
/// </summary>
internal static class FallbackFill
{
    public static Article Apply(Article article, Func<Article> generic)
    {
        var bodyEmpty = article.Body.Count == 0;
        if (article.Title is not null && article.Lead is not null && article.Authors.Count > 0
            && article.Published is not null && article.Image is not null && article.Language is not null && !bodyEmpty)
        {
            return article;
        }

        var theirs = generic();
        var filled = new List<string>();
        T Pick<T>(string name, T mine, T other, bool empty, bool otherEmpty)
        {
            if (!empty || otherEmpty)
            {
                return mine;
            }

            filled.Add(name);
            return other;
        }

        var result = article with
        {
            Title = Pick("title", article.Title, theirs.Title, article.Title is null, theirs.Title is null),
            Lead = Pick("lead", article.Lead, theirs.Lead, article.Lead is null, theirs.Lead is null),
            Authors = Pick("authors", article.Authors, theirs.Authors, article.Authors.Count == 0, theirs.Authors.Count == 0),
            Published = Pick("published", article.Published, theirs.Published, article.Published is null, theirs.Published is null),
            Image = Pick("image", article.Image, theirs.Image, article.Image is null, theirs.Image is null),
            Language = Pick("language", article.Language, theirs.Language, article.Language is null, theirs.Language is null),
        };
        if (bodyEmpty && theirs.Body.Count > 0)
        {
            filled.Add("body");
            result = result with { Body = theirs.Body, Text = theirs.Text, Captions = theirs.Captions };
        }

        if (filled.Count == 0)
        {
            return result;
        }

        var list = new List<string>(article.Warnings) { $"fallback: {string.Join(", ", filled)} filled by the generic extractor (the rule left them empty)." };
        return result with { Warnings = list };
    }
}
