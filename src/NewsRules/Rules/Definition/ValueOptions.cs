using System;

namespace NewsRules.Rules.Definition;

/// <summary>The value-reading options of the rule language that name something: the cleaners of <c>clean:</c>.</summary>
internal static class ValueOptions
{
    /// <summary><c>clean: byline</c>: byline furniture ("By", "Von", "Par", "Por", "بقلم", "文/", roles) removed from a name.</summary>
    public const string Byline = "byline";

    /// <summary>Every cleaner <c>clean:</c> accepts.</summary>
    public static readonly string[] Cleaners = { Byline };

    public static bool IsCleaner(string name) => Array.IndexOf(Cleaners, name) >= 0;

    /// <summary>The tags <c>rename</c> may give an element: each is a block kind of the body (span: inline text).</summary>
    public static readonly string[] RenameTags = { "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre", "span" };

    public static bool IsRenameTag(string tag) => Array.IndexOf(RenameTags, tag) >= 0;
}
