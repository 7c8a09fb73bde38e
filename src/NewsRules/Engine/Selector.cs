using System;
using System.Collections.Generic;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using NewsRules.Rules.Definition;
using NewsRules.Text;

namespace NewsRules.Engine;

/// <summary>
/// One selector alternative of a rule: CSS parsed once, plus the attribute to read for
/// <c>selector@attr</c>. Immutable and thread-safe.
/// </summary>
public sealed class Selector
{
    // Null when the selector's subject has nothing cheap to check (*, :first-child…).
    private readonly SelectorFilter? filter;

    /// <summary>Parses a CSS selector; throws <see cref="ArgumentException"/> when it is invalid.</summary>
    public Selector(string css, string? attribute = null)
    {
        ArgumentNullException.ThrowIfNull(css);
        Css = css;
        Attribute = string.IsNullOrEmpty(attribute) ? null : attribute;
        Parsed = new CssSelectorParser().ParseSelector(css)
            ?? throw new ArgumentException($"'{css}' is not a valid CSS selector.", nameof(css));
        filter = SelectorFilter.For(Parsed);
    }

    /// <summary>The CSS part as the rule wrote it.</summary>
    public string Css { get; }

    /// <summary>The attribute to read, or null to read the element's text.</summary>
    public string? Attribute { get; }

    /// <summary>The parsed selector.</summary>
    public ISelector Parsed { get; }

    /// <summary>True when the element matches: the cheap <see cref="SelectorFilter"/> first, then AngleSharp.</summary>
    internal bool IsMatch(IElement element) => (filter is null || filter.MayMatch(element)) && Parsed.Match(element, null);

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

    /// <summary>Parses the rule language's <c>selector</c> or <c>selector@attr</c> form.</summary>
    public static Selector Parse(string text)
    {
        var model = SelectorSyntax.Split(text);
        return new Selector(model.Css, model.Attribute);
    }

    /// <summary>The selector as written in a rule.</summary>
    public override string ToString() => Attribute is null ? Css : Css + "@" + Attribute;
}
