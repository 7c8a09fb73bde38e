using System;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using NewsRules.Rules.Definition;

namespace NewsRules.Engine;

/// <summary>
/// One selector alternative of a rule: CSS parsed once, plus the attribute to read for
/// <c>selector@attr</c>. Immutable and thread-safe.
/// </summary>
public sealed class Selector
{
    /// <summary>Parses a CSS selector; throws <see cref="ArgumentException"/> when it is invalid.</summary>
    public Selector(string css, string? attribute = null)
    {
        ArgumentNullException.ThrowIfNull(css);
        Css = css;
        Attribute = string.IsNullOrEmpty(attribute) ? null : attribute;
        Parsed = new CssSelectorParser().ParseSelector(css)
            ?? throw new ArgumentException($"'{css}' is not a valid CSS selector.", nameof(css));
    }

    /// <summary>The CSS part as the rule wrote it.</summary>
    public string Css { get; }

    /// <summary>The attribute to read, or null to read the element's text.</summary>
    public string? Attribute { get; }

    /// <summary>The parsed selector.</summary>
    public ISelector Parsed { get; }

    /// <summary>Parses the rule language's <c>selector</c> or <c>selector@attr</c> form.</summary>
    public static Selector Parse(string text)
    {
        var model = SelectorSyntax.Split(text);
        return new Selector(model.Css, model.Attribute);
    }

    /// <summary>The selector as written in a rule.</summary>
    public override string ToString() => Attribute is null ? Css : Css + "@" + Attribute;
}
