using System;
using System.Collections.Generic;
using System.Linq;

namespace NewsRules;

/// <summary>
/// <c>fallback: true</c>: the fields a rule left empty (or does not set) taken from the generic
/// extractor, and a warning that names them. The page is scored only when a field is empty. The
/// fields are the standard-field table's (<see cref="ArticleMembers.Filled"/>).
/// </summary>
internal static class FallbackFill
{
    /// <summary>
    /// The article with its empty members filled from <paramref name="generic"/>'s (run only when
    /// one is empty); <paramref name="filled"/>, when given, receives the names of those filled.
    /// </summary>
    public static Article Apply(Article article, Func<Article> generic, List<string>? filled = null)
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
        filled ??= new List<string>();
        var start = filled.Count;
        var result = article;
        foreach (var member in ArticleMembers.Filled)
        {
            if (member.IsEmpty(article) && !member.IsEmpty(theirs))
            {
                result = member.Take(result, theirs);
                filled.Add(member.Name);
            }
        }

        if (filled.Count == start)
        {
            return result;
        }

        var list = new List<string>(article.Warnings) { $"fallback: {string.Join(", ", filled.Skip(start))} filled by the generic extractor (the rule left them empty)." };
        return result with { Warnings = list };
    }
}
