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

    /// <summary>
    /// The CSS with each <c>:has()</c> that holds a list of relative selectors written as
    /// <c>:is(:has(a), :has(b))</c>, which means the same. AngleSharp reads a list whose items
    /// start with a combinator wrongly: <c>div:has(&gt; p, &gt; h3)</c> matched every <c>div</c>,
    /// also those with neither child. One relative selector per <c>:has()</c> it reads right.
    /// Text without such a list comes back as the same string.
    /// </summary>
    public static string SplitHasLists(string css)
    {
        var at = IndexOfHas(css, 0);
        if (at < 0)
        {
            return css;
        }

        var result = new System.Text.StringBuilder(css.Length + 16);
        var copied = 0;
        while (at >= 0)
        {
            var open = at + HasOpen.Length - 1;
            var close = ClosingParenthesis(css, open);
            if (close < 0)
            {
                break;
            }

            var items = SplitTopLevel(css, open + 1, close);
            result.Append(css, copied, at - copied);
            if (items.Count < 2)
            {
                result.Append(HasOpen).Append(SplitHasLists(css.Substring(open + 1, close - open - 1))).Append(')');
            }
            else
            {
                result.Append(":is(");
                for (var i = 0; i < items.Count; i++)
                {
                    result.Append(i == 0 ? "" : ", ").Append(HasOpen).Append(SplitHasLists(items[i].Trim())).Append(')');
                }

                result.Append(')');
            }

            copied = close + 1;
            at = IndexOfHas(css, copied);
        }

        var split = result.Append(css, copied, css.Length - copied).ToString();
        return split == css ? css : split;
    }

    private const string HasOpen = ":has(";

    // The next ":has(" outside quotes, from a position outside quotes.
    private static int IndexOfHas(string css, int from) =>
        Find(css, from, css.Length, (i, c, _) => c == ':' && string.Compare(css, i, HasOpen, 0, HasOpen.Length, StringComparison.OrdinalIgnoreCase) == 0);

    // The ")" that closes the "(" at open, or -1.
    private static int ClosingParenthesis(string css, int open)
    {
        var close = Find(css, open, css.Length, (_, c, depth) => c is ')' or ']' && depth == 1);
        return close >= 0 && css[close] == ')' ? close : -1;
    }

    // The comma-separated items of css[from..to), commas inside brackets, parentheses or quotes kept.
    private static System.Collections.Generic.List<string> SplitTopLevel(string css, int from, int to)
    {
        var items = new System.Collections.Generic.List<string>();
        var start = from;
        for (var comma = Find(css, start, to, IsListComma); comma >= 0; comma = Find(css, start, to, IsListComma))
        {
            items.Add(css.Substring(start, comma - start));
            start = comma + 1;
        }

        items.Add(css.Substring(start, to - start));
        return items;
    }

    private static bool IsListComma(int index, char c, int depth) => c == ',' && depth == 0;

    /// <summary>
    /// The first index in <c>css[from..to)</c>, outside quotes and escapes, where
    /// <paramref name="stop"/> holds for the character and its depth (the brackets and parentheses
    /// open there, counting one at the character itself when it opens one), or -1.
    /// </summary>
    private static int Find(string css, int from, int to, Func<int, char, int, bool> stop)
    {
        var depth = 0;
        char quote = '\0';
        for (var i = from; i < to; i++)
        {
            var c = css[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                continue;
            }

            if (c is '(' or '[')
            {
                depth++;
            }

            if (stop(i, c, depth))
            {
                return i;
            }

            if (c is ')' or ']')
            {
                depth--;
            }
        }

        return -1;
    }

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
