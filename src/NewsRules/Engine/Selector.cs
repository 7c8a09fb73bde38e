using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using NewsRules.Rules.Definition;
using NewsRules.Text;

namespace NewsRules.Engine;

/// <summary>
/// One selector alternative of a rule: CSS parsed once, plus the attribute to read for
/// <c>selector@attr</c>, or a JSON-LD path for <c>ld:path</c>; and what the alternative's long
/// form says: a test of the element's text (<c>text</c>, <c>links_only</c>) and how its values
/// are read (<c>pattern</c>, <c>split</c>, <c>reject</c>, <c>clean</c>). Immutable and thread-safe.
/// </summary>
public sealed class Selector
{
    // Every ld: alternative selects the page's scripts; the engine reads their JSON-LD.
    private const string JsonLdScripts = "script[type]";

    // Null when the selector's subject has nothing cheap to check (*, :first-child…).
    private readonly SelectorFilter? filter;

    /// <summary>
    /// Parses a CSS selector (or, when <paramref name="css"/> starts with <c>ld:</c>, a JSON-LD
    /// path); throws <see cref="ArgumentException"/> when it, a regex or the cleaner is invalid.
    /// </summary>
    /// <param name="css">The CSS selector, or <c>ld:</c> and a JSON-LD path such as <c>ld:author.name</c>.</param>
    /// <param name="attribute">The attribute to read, or null to read the element's text.</param>
    /// <param name="pattern">The alternative's own pattern (else the field's): group 1 if it has one, else the whole match.</param>
    /// <param name="text">A case-insensitive regex the element's normalized text must match for the element to count.</param>
    /// <param name="linksOnly">True: only elements whose text is all link text count.</param>
    /// <param name="split">A regex that cuts each value into several.</param>
    /// <param name="reject">A regex; a value it matches is dropped.</param>
    /// <param name="clean">A cleaner applied to each value: <c>byline</c>.</param>
    public Selector(string css, string? attribute = null, string? pattern = null, string? text = null, bool linksOnly = false, string? split = null, string? reject = null, string? clean = null)
    {
        ArgumentNullException.ThrowIfNull(css);
        Css = css;
        Attribute = string.IsNullOrEmpty(attribute) ? null : attribute;
        if (Attribute is null && SelectorSyntax.IsJsonLd(css))
        {
            if (SelectorSyntax.JsonLdPathError(css) is { } error)
            {
                throw new ArgumentException($"'{css}' is not a JSON-LD selector: {error}.", nameof(css));
            }

            if (text is not null || linksOnly)
            {
                throw new ArgumentException($"'{css}' reads JSON-LD, which has no elements for 'text' or 'links_only' to test.", nameof(css));
            }

            JsonLdPath = SelectorSyntax.JsonLdPath(css);
        }

        Parsed = new CssSelectorParser().ParseSelector(JsonLdPath is null ? SelectorSyntax.SplitHasLists(css) : JsonLdScripts)
            ?? throw new ArgumentException($"'{css}' is not a valid CSS selector.", nameof(css));
        filter = SelectorFilter.For(Parsed);
        Pattern = pattern is null ? null : new Regex(pattern, RuleChecks.PatternOptions, RuleChecks.PatternTimeout);
        Text = text is null ? null : new Regex(text, RuleChecks.PatternOptions | RegexOptions.IgnoreCase, RuleChecks.PatternTimeout);
        LinksOnly = linksOnly;
        // Explicit capture: a group in the separator, "\s*(and|&)\s*", must not come out as a value.
        Split = split is null ? null : new Regex(split, RuleChecks.PatternOptions | RegexOptions.ExplicitCapture, RuleChecks.PatternTimeout);
        Reject = reject is null ? null : new Regex(reject, RuleChecks.PatternOptions, RuleChecks.PatternTimeout);
        if (clean is not null && !ValueOptions.IsCleaner(clean))
        {
            throw new ArgumentException($"'{clean}' is not a cleaner; the cleaners are: {string.Join(", ", ValueOptions.Cleaners)}.", nameof(clean));
        }

        Clean = clean;
    }

    /// <summary>The CSS part as the rule wrote it (for an <c>ld:</c> alternative, the whole <c>ld:path</c>).</summary>
    public string Css { get; }

    /// <summary>The attribute to read, or null to read the element's text.</summary>
    public string? Attribute { get; }

    /// <summary>The parsed selector (for an <c>ld:</c> alternative, the page's typed scripts).</summary>
    public ISelector Parsed { get; }

    /// <summary>For <c>ld:author.name</c>, the property names <c>author</c>, <c>name</c>; null for a CSS alternative.</summary>
    public IReadOnlyList<string>? JsonLdPath { get; }

    /// <summary>The alternative's own pattern, used instead of the field's; null to use the field's.</summary>
    public Regex? Pattern { get; }

    /// <summary>A case-insensitive test of the element's normalized text; null when any element counts.</summary>
    public Regex? Text { get; }

    /// <summary>Only elements whose text is all link text count.</summary>
    public bool LinksOnly { get; }

    /// <summary>Cuts each value into several; null when values stay whole.</summary>
    public Regex? Split { get; }

    /// <summary>Drops the values it matches; null when none is dropped.</summary>
    public Regex? Reject { get; }

    /// <summary>The cleaner applied to each value (<c>byline</c>), or null.</summary>
    public string? Clean { get; }

    /// <summary>True when the element matches: the cheap <see cref="SelectorFilter"/> first, then AngleSharp, then the text tests.</summary>
    internal bool IsMatch(IElement element) => (filter is null || filter.MayMatch(element)) && Parsed.Match(element, null) && PassesTextTests(element);

    /// <summary>True when the alternative has no text test, or the element passes it (see <see cref="ElementText"/>).</summary>
    internal bool PassesTextTests(IElement element) =>
        (Text is null && !LinksOnly) || ElementText.Passes(element, Text, LinksOnly);

    /// <summary>Every element below <paramref name="root"/> (not the root itself) that matches, in document order.</summary>
    internal List<IElement> QueryAll(INode root)
    {
        var results = new List<IElement>();
        foreach (var element in EnumerateMatches(root))
        {
            results.Add(element);
        }

        return results;
    }

    /// <summary>
    /// The matches below <paramref name="root"/> in document order, found as they are read (the
    /// engine runs junk selectors this way inside each body container; page-wide selectors share
    /// one walk, see <c>RuleEngine</c>). The walk is iterative (pages nest deeper than the call
    /// stack allows); the document must not change meanwhile.
    /// </summary>
    internal IEnumerable<IElement> EnumerateMatches(INode root)
    {
        foreach (var element in Dom.Elements(root))
        {
            if (IsMatch(element))
            {
                yield return element;
            }
        }
    }

    /// <summary>Parses the rule language's <c>selector</c>, <c>selector@attr</c> or <c>ld:path</c> form.</summary>
    public static Selector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SelectorSyntax.IsJsonLd(text))
        {
            return new Selector(text.Trim());
        }

        var model = SelectorSyntax.Split(text);
        return new Selector(model.Css, model.Attribute);
    }

    /// <summary>The selector as written in a rule: the short form, or the long form when it has settings.</summary>
    public override string ToString()
    {
        var selector = Attribute is null ? Css : Css + "@" + Attribute;
        if (Pattern is null && Text is null && !LinksOnly && Split is null && Reject is null && Clean is null)
        {
            return selector;
        }

        var text = new System.Text.StringBuilder("{ select: ").Append(selector);
        Append("pattern", Pattern?.ToString());
        Append("text", Text?.ToString());
        if (LinksOnly)
        {
            text.Append(", links_only: true");
        }

        Append("split", Split?.ToString());
        Append("reject", Reject?.ToString());
        Append("clean", Clean);
        return text.Append(" }").ToString();

        void Append(string key, string? value)
        {
            if (value is not null)
            {
                text.Append(", ").Append(key).Append(": ").Append(value);
            }
        }
    }
}
