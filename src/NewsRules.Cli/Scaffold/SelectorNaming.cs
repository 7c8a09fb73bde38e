using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>A CSS selector proposed for an element, and how fragile it is (lower is sturdier).</summary>
internal readonly record struct NamedSelector(string Css, int Cost);

/// <summary>
/// Names elements by what a site keeps stable across its pages: an id, a distinctive class, a
/// hook attribute (<c>itemprop</c>, <c>data-testid</c>, …), or such a name on an ancestor plus
/// the element's own. Never by position (<c>:nth-child</c>, child indexes), never by the
/// generated hashes of CSS-in-JS tools or by ids that carry an article number.
/// </summary>
internal static class SelectorNaming
{
    // Attributes sites put on purpose on the parts of a page, for scripts, tests and microdata.
    private static readonly string[] HookAttributes =
    {
        "itemprop", "data-testid", "data-test-id", "data-component", "data-module", "data-qa", "data-gu-name",
        "data-type", "data-role", "data-block", "role", "name",
    };

    private static readonly string[] GeneratedPrefixes = { "css-", "sc-", "jsx-", "emotion-", "styled-", "svelte-", "astro-", "ember" };

    // Classes that say what state an element is in, or how it is laid out, rather than what it is.
    private static readonly HashSet<string> StateClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "active", "selected", "open", "closed", "hidden", "visible", "show", "hide", "clearfix", "clear", "cf",
        "row", "col", "left", "right", "center", "first", "last", "odd", "even", "current", "loaded", "lazy",
        "container", "wrapper", "wrap", "inner", "outer", "block", "fix", "group", "full", "span", "flex",
    };

    // Utility (Tailwind-style) classes: they say how an element looks, and the same one sits on any element.
    private static readonly Regex UtilityClass = new(
        "^-?(?:[mp][trblxyse]?-(?:\\d|px|auto)|(?:min-|max-)?[wh]-(?:\\d|full|screen|auto|fit|min|max|px)|size-|gap-|space-[xy]-|(?:inset|top|left|right|bottom|z|order)-\\d|"
        + "text-(?:xs|sm|base|lg|\\d?xl|left|right|center|justify|start|end|white|black|transparent|current|inherit|wrap|nowrap|balance|[a-z]+-\\d{2,3})$|"
        + "font-(?:thin|extralight|light|normal|medium|semibold|bold|extrabold|black|sans|serif|mono)$|leading-|tracking-|whitespace-|line-clamp-|"
        + "bg-|border-|rounded|shadow|ring-|outline-|opacity-|flex$|flex-|grid$|grid-|col-span|row-span|items-|justify-|self-|place-|overflow-|"
        + "object-|aspect-|cursor-|select-|pointer-events-|transition|duration-|ease-|delay-|animate-|translate-|scale-|rotate-|"
        + "uppercase$|lowercase$|capitalize$|italic$|truncate$|sr-only$|relative$|absolute$|fixed$|sticky$|static$|inline$|inline-block$|"
        + "inline-flex$|block$|invisible$|antialiased$|mx-auto$|my-auto$|shrink|grow$|grow-)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex SimpleIdentifier = new("^-?[A-Za-z_][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex LongDigitRun = new("[0-9]{3,}", RegexOptions.CultureInvariant);

    /// <summary>True for a utility class ("mb-5", "w-full", "text-gray-700", "flex"): a look, not a part of the page.</summary>
    public static bool IsUtility(string token) => UtilityClass.IsMatch(token);

    /// <summary>
    /// True for a class, id or attribute value a site is likely to keep on its next article:
    /// no article numbers, no generated hashes, not a state or layout word.
    /// </summary>
    public static bool IsStable(string token)
    {
        // Two letters are atomic CSS ("ea", "kf"); ':', '/' and '[' are utility classes ("md:w-3/4").
        if (token.Length < 3 || token.Length > 60 || StateClasses.Contains(token) || token.IndexOfAny(new[] { ':', '/', '[', '!' }) >= 0)
        {
            return false;
        }

        var lower = token.ToLowerInvariant();
        if (GeneratedPrefixes.Any(p => lower.StartsWith(p, StringComparison.Ordinal))
            || lower.StartsWith("is-", StringComparison.Ordinal)
            || lower.StartsWith("has-", StringComparison.Ordinal)
            || LongDigitRun.IsMatch(token)
            || IsUtility(token))
        {
            return false;
        }

        if (ModuleSplit(token) > 0)
        {
            return false; // CSS modules: "article_Body__22u_U", "styles-module--container--K__Pu"
        }

        foreach (var segment in token.Split('-', '_', ':', '.'))
        {
            if (segment.Length >= 5 && segment.Any(char.IsDigit) && segment.Any(char.IsLetter))
            {
                return false; // "e1x9kq", "a3f8c" …: a build's hash
            }

            if (segment.Length >= 5 && !segment.Any(c => "aeiouAEIOU".Contains(c)) && segment.All(char.IsLetter))
            {
                return false; // "bdfBwQ", "nfyQp": styled-components and the like
            }

            if (segment.Length is >= 5 and <= 10 && segment.Skip(1).Count(char.IsUpper) >= (segment.Length <= 8 ? 2 : 3))
            {
                return false; // "cbGVih", "mnRHPAnD": mixed case no word is written in
            }
        }

        return true;
    }

    // A build hash after "__" (5-8 characters with digits, capitals or dashes), not a BEM element name ("__body").
    private static bool IsHashTail(string tail) =>
        tail.Length is >= 5 and <= 8
        && tail.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
        && (tail.Any(char.IsDigit) || tail.Any(c => c is '-' or '_') || tail.Count(char.IsUpper) >= 2 || !tail.Any(c => "aeiouyAEIOUY".Contains(c)));

    /// <summary>The readable part of a CSS-modules class ("article_Body__22u_U" → "article_Body__"), or null.</summary>
    public static string? ModulePrefix(string token)
    {
        var split = ModuleSplit(token);
        return split > 0 && char.IsLetter(token[0]) ? token.Substring(0, split) : null;
    }

    /// <summary>Where a CSS-modules hash starts (after the last "__" or "--" that a hash follows), or -1.</summary>
    private static int ModuleSplit(string token)
    {
        foreach (var separator in new[] { "__", "--" })
        {
            var at = token.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && IsHashTail(token.Substring(at + 2)))
            {
                return at + 2;
            }
        }

        return -1;
    }

    /// <summary>The selectors that name an element by itself, sturdiest first.</summary>
    public static List<NamedSelector> Own(IElement element)
    {
        var tag = element.LocalName;
        var names = new List<NamedSelector>();
        var id = element.Id;
        if (!string.IsNullOrEmpty(id) && IsStable(id))
        {
            names.Add(new NamedSelector(Id(id), 1));
        }

        foreach (var attribute in HookAttributes)
        {
            var value = element.GetAttribute(attribute)?.Trim();
            if (string.IsNullOrEmpty(value) || value.Length > 60)
            {
                continue;
            }

            if (attribute == "role" && value is not ("article" or "main"))
            {
                continue;
            }

            var token = value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            if (!IsStable(token))
            {
                continue;
            }

            names.Add(new NamedSelector(value.Contains(' ') ? $"{tag}[{attribute}~={Quote(token)}]" : $"{tag}[{attribute}={Quote(value)}]", 1));
        }

        var classes = element.ClassList.Where(IsStable).Distinct(StringComparer.Ordinal).Take(5).ToList();

        // CSS modules append a build hash to a readable name ("article_Body__22u_U"): the name part is stable.
        foreach (var prefix in element.ClassList.Select(ModulePrefix).OfType<string>().Distinct(StringComparer.Ordinal).Take(2))
        {
            names.Add(new NamedSelector($"{tag}[class*={Quote(prefix)}]", 2));
        }

        foreach (var name in classes)
        {
            names.Add(new NamedSelector(Class(name), 2));
            if (tag is not ("div" or "span"))
            {
                names.Add(new NamedSelector(tag + Class(name), 2));
            }
        }

        for (var i = 0; i < classes.Count; i++)
        {
            for (var j = i + 1; j < classes.Count; j++)
            {
                names.Add(new NamedSelector(Class(classes[i]) + Class(classes[j]), 3));
            }
        }

        if (tag is "article" or "main")
        {
            names.Add(new NamedSelector(tag, 2));
        }

        return names;
    }

    /// <summary>
    /// Selectors that name an element through a named ancestor: <c>#story .text</c>,
    /// <c>article.post h1</c>. Up to <paramref name="levels"/> ancestors are tried.
    /// </summary>
    public static List<NamedSelector> Qualified(IElement element, int levels, bool bareTag)
    {
        var own = Own(element).Where(n => n.Cost <= 2).Take(4).ToList();
        var names = new List<NamedSelector>();
        var ancestor = element.ParentElement;
        for (var level = 0; level < levels && ancestor is not null && ancestor.LocalName is not ("body" or "html"); level++, ancestor = ancestor.ParentElement)
        {
            foreach (var scope in Own(ancestor).Where(n => n.Cost <= 2).Take(3))
            {
                foreach (var name in own)
                {
                    names.Add(new NamedSelector($"{scope.Css} {name.Css}", name.Cost + 2));
                }

                if (bareTag)
                {
                    names.Add(new NamedSelector($"{scope.Css} {element.LocalName}", scope.Cost + 2));
                }
            }
        }

        return names;
    }

    /// <summary>An id selector; ids that are not plain CSS identifiers are written as attribute selectors.</summary>
    public static string Id(string id) => SimpleIdentifier.IsMatch(id) ? "#" + id : $"[id={Quote(id)}]";

    /// <summary>A class selector; classes that are not plain CSS identifiers are written as attribute selectors.</summary>
    public static string Class(string name) => SimpleIdentifier.IsMatch(name) ? "." + name : $"[class~={Quote(name)}]";

    /// <summary>A CSS string in double quotes.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [ThreadStatic]
    private static CssSelectorParser? parser;

    [ThreadStatic]
    private static Dictionary<string, ISelector?>? parsed;

    /// <summary>Parses CSS the way the engine does (cached per thread); null when AngleSharp rejects it.</summary>
    public static ISelector? Parse(string css)
    {
        parsed ??= new Dictionary<string, ISelector?>(StringComparer.Ordinal);
        if (!parsed.TryGetValue(css, out var selector))
        {
            if (parsed.Count > 4096)
            {
                parsed.Clear();
            }

            parser ??= new CssSelectorParser();
            selector = parser.ParseSelector(css);
            parsed[css] = selector;
        }

        return selector;
    }

    /// <summary>Every element of the page a selector matches, in document order.</summary>
    public static List<IElement> Matches(IDocument document, string css) =>
        Parse(css) is { } selector ? Dom.QueryAll(document, selector) : new List<IElement>();

    /// <summary>The first element below <paramref name="root"/> a selector matches (iterative, unlike AngleSharp's QuerySelector), or null.</summary>
    public static IElement? First(INode root, string css)
    {
        if (Parse(css) is not { } selector)
        {
            return null;
        }

        INode? node = root.FirstChild;
        while (node is not null)
        {
            if (node is IElement element && selector.Match(element, null))
            {
                return element;
            }

            node = Dom.Next(node, root, descend: node is IElement);
        }

        return null;
    }

    /// <summary>Every element below <paramref name="root"/> a selector matches, in document order (iterative).</summary>
    public static List<IElement> All(INode root, string css) =>
        Parse(css) is { } selector ? Dom.QueryAll(root, selector) : new List<IElement>();

    /// <summary>The elements of a list (in document order) that a selector matches.</summary>
    public static List<IElement> Matches(IReadOnlyList<IElement> elements, string css)
    {
        var results = new List<IElement>();
        if (Parse(css) is { } selector)
        {
            foreach (var element in elements)
            {
                if (selector.Match(element, null))
                {
                    results.Add(element);
                }
            }
        }

        return results;
    }

    /// <summary>The matches that are not inside another match (the engine reads nested matches once).</summary>
    public static List<IElement> Outermost(List<IElement> matches)
    {
        var set = new HashSet<IElement>(matches);
        var outermost = new List<IElement>();
        foreach (var match in matches)
        {
            var nested = false;
            for (var parent = match.ParentElement; parent is not null; parent = parent.ParentElement)
            {
                if (set.Contains(parent))
                {
                    nested = true;
                    break;
                }
            }

            if (!nested)
            {
                outermost.Add(match);
            }
        }

        return outermost;
    }
}
