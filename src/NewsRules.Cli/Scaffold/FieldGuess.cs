using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// A metadata field the scaffold proposes: selector alternatives (best first), an optional
/// pattern (for values inside JSON-LD), how sure it is (0-1) and why.
/// </summary>
internal sealed record FieldGuess(string Field, IReadOnlyList<string> Selectors, string? Pattern, double Confidence, string Evidence)
{
    /// <summary><c>keep_in_body: true</c>: the field's element stays in the body (where the generic extractor keeps it there).</summary>
    public bool KeepInBody { get; init; }

    /// <summary>For a date read from visible text: the <c>format</c>, <c>culture</c> and <c>timezone</c> the engine reads it with.</summary>
    public string? Format { get; init; }

    public string? Culture { get; init; }

    public string? TimeZone { get; init; }

    /// <summary>True when the field needs the long form (<c>select:</c> plus settings).</summary>
    public bool LongForm => Pattern is not null || KeepInBody || Format is not null || Culture is not null || TimeZone is not null;

    public static FieldGuess Of(string field, IEnumerable<string> selectors, double confidence, string evidence, string? pattern = null) =>
        new(field, selectors.Distinct(StringComparer.Ordinal).ToList(), pattern, Math.Round(Math.Clamp(confidence, 0, 1), 2), evidence);
}

/// <summary>Small helpers the field finders share.</summary>
internal static class Guessing
{
    /// <summary>Words (letters and digits) and single CJK characters, lower-cased: what two strings are compared on.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (TextStatistics.IsCjk(c))
            {
                Flush();
                tokens.Add(c.ToString());
            }
            else if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }
    }

    /// <summary>How much of <paramref name="part"/>'s words <paramref name="whole"/> holds (0-1).</summary>
    public static double Containment(string part, string whole)
    {
        var partTokens = Tokens(part);
        if (partTokens.Count == 0)
        {
            return 0;
        }

        var wholeTokens = new HashSet<string>(Tokens(whole), StringComparer.Ordinal);
        return (double)partTokens.Count(wholeTokens.Contains) / partTokens.Count;
    }

    /// <summary>True when two texts say the same thing: each holds most of the other's words.</summary>
    public static bool Agree(string a, string b) => Containment(a, b) >= 0.7 && Containment(b, a) >= 0.5
        || Containment(b, a) >= 0.7 && Containment(a, b) >= 0.5;

    /// <summary>An element's text as the engine reads it.</summary>
    public static string TextOf(IElement element) => HtmlText.Of(element);

    /// <summary>
    /// The first element a selector matches whose text (or attribute) is not empty: the one a
    /// single-valued field would take. Null when the selector is invalid or finds nothing.
    /// </summary>
    public static IElement? FirstNonEmpty(IDocument document, string css, string? attribute = null)
    {
        foreach (var element in SelectorNaming.Matches(document, css))
        {
            var value = attribute is null ? TextOf(element) : element.GetAttribute(attribute)?.Trim();
            if (!string.IsNullOrEmpty(value))
            {
                return element;
            }
        }

        return null;
    }

    /// <summary>
    /// The sturdiest selector whose first non-empty match is <paramref name="target"/>: its own
    /// names, then names through named ancestors (not on <paramref name="statistics"/>' deep pages), then the bare tag.
    /// </summary>
    public static string? NameFirst(IDocument document, IElement target, TextStatistics statistics, string? attribute = null)
    {
        var names = SelectorNaming.Own(target)
            .Concat(statistics.IsDeep ? Enumerable.Empty<NamedSelector>() : SelectorNaming.Qualified(target, 5, bareTag: true))
            .Append(new NamedSelector(target.LocalName, 3))
            .OrderBy(n => n.Cost)
            .ThenBy(n => n.Css.Length)
            .ThenBy(n => n.Css, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (FirstNonEmpty(document, name.Css, attribute) == target)
            {
                return name.Css;
            }
        }

        return null;
    }

    /// <summary>Text cut to <paramref name="length"/> characters for a report line.</summary>
    public static string Preview(string? text, int length = 60)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var line = text.Replace('\n', ' ');
        return line.Length <= length ? line : line.Substring(0, length - 1) + "…";
    }
}
