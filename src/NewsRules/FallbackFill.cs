using System;
using System.Collections.Generic;

namespace NewsRules;

/// <summary>
/// <c>fallback: true</c>: the fields a rule left empty (or does not set) taken from the generic
/// extractor, and a warning that names them. The page is scored only when a field is empty. The
/// fields are the standard-field table's (<see cref="ArticleMembers.Filled"/>).
/// </summary>
internal static class FallbackFill
{
    public static Article Apply(Article article, Func<Article> generic)
    {
        var anyEmpty = false;
        foreach (var member in ArticleMembers.Filled)
        {
            anyEmpty |= member.IsEmpty(article);
        }

        if (!anyEmpty)
        {
            return article;
        }

        var theirs = generic();
        var filled = new List<string>();
        var result = article;
        foreach (var member in ArticleMembers.Filled)
        {
            if (member.IsEmpty(article) && !member.IsEmpty(theirs))
            {
                result = member.Take(result, theirs);
                filled.Add(member.Name);
            }
        }

        if (filled.Count == 0)
        {
            return result;
        }

        var list = new List<string>(article.Warnings) { $"fallback: {string.Join(", ", filled)} filled by the generic extractor (the rule left them empty)." };
        return result with { Warnings = list };
    }
}
