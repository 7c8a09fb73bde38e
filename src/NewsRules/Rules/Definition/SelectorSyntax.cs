using System;
using AngleSharp.Css.Parser;

namespace NewsRules.Rules.Definition;

/// <summary>
/// The selector strings of the rule language: CSS, optionally followed by <c>@attribute</c>.
/// </summary>
internal static class SelectorSyntax
{
    /// <summary>
    /// Splits <c>selector@attr</c> at the last <c>@</c> that stands outside quotes, brackets
    /// and parentheses, so <c>a[href^="mailto:x@y"]</c> stays one selector.
    /// </summary>
    public static SelectorModel Split(string text)
    {
        var trimmed = text.Trim();
        var depth = 0;
        char quote = '\0';
        var at = -1;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"':
                case '\'':
                    quote = c;
                    break;
                case '\\':
                    i++;
                    break;
                case '[':
                case '(':
                    depth++;
                    break;
                case ']':
                case ')':
                    depth--;
                    break;
                case '@' when depth == 0:
                    at = i;
                    break;
            }
        }

        return at < 0
            ? new SelectorModel(trimmed, null)
            : new SelectorModel(trimmed.Substring(0, at).Trim(), trimmed.Substring(at + 1).Trim());
    }

    /// <summary>The prefix of a JSON-LD selector: <c>ld:author.name</c>.</summary>
    public const string JsonLdPrefix = "ld:";

    /// <summary>
    /// True for <c>ld:…</c>, read as a JSON-LD path, never as CSS (CSS has no pseudo-class that
    /// could follow an <c>&lt;ld&gt;</c> element here that a page would use).
    /// </summary>
    public static bool IsJsonLd(string text) => text.TrimStart().StartsWith(JsonLdPrefix, StringComparison.Ordinal);

    /// <summary>The property names of an <c>ld:a.b.c</c> selector.</summary>
    public static string[] JsonLdPath(string text) => text.Trim().Substring(JsonLdPrefix.Length).Split('.');

    /// <summary>
    /// Null when <paramref name="text"/> is a usable <c>ld:</c> path (dot-separated JSON property
    /// names such as <c>author.name</c> or <c>publisher.logo.url</c>), else what is wrong.
    /// </summary>
    public static string? JsonLdPathError(string text)
    {
        var path = text.Trim().Substring(JsonLdPrefix.Length);
        if (path.Length == 0)
        {
            return "it names no property";
        }

        foreach (var name in path.Split('.'))
        {
            if (name.Length == 0)
            {
                return "it has an empty property name (two dots in a row, or a dot at an end)";
            }

            foreach (var c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '@' or ':'))
                {
                    return $"'{name}' is not a JSON-LD property name ('{c}' is not allowed; write names joined by dots)";
                }
            }
        }

        return null;
    }

    // A parser's default constructor builds a whole AngleSharp browsing context (its
    // configuration and services): that was most of the time of reading a rule. One per thread,
    // reused: parsing a selector keeps no state in the parser.
    [ThreadStatic]
    private static CssSelectorParser? parser;

    /// <summary>True when AngleSharp, the engine that will run it, accepts the CSS.</summary>
    public static bool IsValidCss(string css) =>
        css.Length > 0 && (parser ??= new CssSelectorParser()).ParseSelector(css) is not null;

    /// <summary>An HTML attribute name: no spaces, quotes, <c>&gt;</c>, <c>/</c> or <c>=</c>.</summary>
    public static bool IsValidAttributeName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '>' or '/' or '=' or '@' or '[' or ']')
            {
                return false;
            }
        }

        return true;
    }
}
