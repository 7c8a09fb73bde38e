using System;
using System.Collections.Generic;

namespace NewsRules.Engine;

/// <summary>Reads custom field values out of <see cref="Article.Fields"/>; used by generated article types.</summary>
public static class FieldValues
{
    /// <summary>A single-valued custom field, or null.</summary>
    public static string? Single(Article article, string name) =>
        article.Fields.TryGetValue(name, out var value) ? value as string : null;

    /// <summary>A <c>many: true</c> custom field; empty when nothing matched.</summary>
    public static IReadOnlyList<string> Many(Article article, string name) =>
        article.Fields.TryGetValue(name, out var value) && value is IReadOnlyList<string> list ? list : Array.Empty<string>();
}
