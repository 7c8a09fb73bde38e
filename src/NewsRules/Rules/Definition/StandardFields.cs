using System;
using System.Collections.Generic;

namespace NewsRules.Rules.Definition;

/// <summary>What a standard field reads from the elements its selectors match.</summary>
internal enum FieldShape
{
    /// <summary>Text or an attribute (title, author, lead, image): values, with pattern, split, reject and clean.</summary>
    Value,

    /// <summary>A value read as a date (published): a value field plus format, culture and timezone.</summary>
    Date,

    /// <summary>Elements read as blocks (body, captions): only <c>select</c>, <c>text</c> and <c>links_only</c>; no attribute, no value settings.</summary>
    Elements,
}

/// <summary>One of the rule language's standard fields: its YAML key, its shape and what it may say.</summary>
internal sealed class StandardField
{
    internal StandardField(string name, FieldShape shape, string? whenMissing = null)
    {
        Name = name;
        Shape = shape;
        WhenMissing = whenMissing;
    }

    /// <summary>The YAML key, and the name of the <c>SiteRule</c> constructor's argument and of the field in explanations.</summary>
    public string Name { get; }

    public FieldShape Shape { get; }

    /// <summary>Element fields take no <c>selector@attribute</c>.</summary>
    public bool AllowsAttribute => Shape != FieldShape.Elements;

    /// <summary>The keys its long form takes (<c>title: { select: …, pattern: … }</c>).</summary>
    public IReadOnlyList<string> Keys => Shape switch
    {
        FieldShape.Date => StandardFields.DateKeys,
        FieldShape.Elements => StandardFields.ElementKeys,
        _ => StandardFields.ValueKeys,
    };

    /// <summary>True when a rule must set the field unless it says <c>fallback: true</c>.</summary>
    public bool RequiredUnlessFallback => WhenMissing is not null;

    /// <summary>For a required field: the NR0002 message when a rule leaves it out.</summary>
    public string? WhenMissing { get; }

    public override string ToString() => Name;
}

/// <summary>
/// The standard fields of the rule language, once: the YAML reader takes their keys from here,
/// the rule model keeps them in this order, the generator emits and the runtime compiler builds
/// them from it, and the explainer and the report list them in <see cref="InReadingOrder"/>.
/// Adding a field starts here (and with its <c>SiteRule</c> constructor argument and property).
/// </summary>
internal static class StandardFields
{
    internal static readonly string[] ValueKeys = { "select", "pattern", "keep_in_body", "split", "reject", "clean", "text", "links_only" };
    internal static readonly string[] DateKeys = { "select", "pattern", "format", "culture", "timezone", "keep_in_body", "split", "reject", "clean", "text", "links_only" };
    internal static readonly string[] ElementKeys = { "select", "text", "links_only" };

    public static readonly StandardField Title = new("title", FieldShape.Value,
        "The rule has no 'title'. Add the title's selector, e.g. 'title: h1' (or 'fallback: true' to take it from the generic extractor).");

    public static readonly StandardField Author = new("author", FieldShape.Value);

    public static readonly StandardField Published = new("published", FieldShape.Date);

    public static readonly StandardField Lead = new("lead", FieldShape.Value);

    public static readonly StandardField Image = new("image", FieldShape.Value);

    public static readonly StandardField Body = new("body", FieldShape.Elements,
        "The rule has no 'body'. Add the selector of the element(s) holding the article text, e.g. 'body: .article .text' (or 'fallback: true' to take it from the generic extractor).");

    public static readonly StandardField Captions = new("captions", FieldShape.Elements);

    /// <summary>In the rule language's order (the README's table, the <c>SiteRule</c> constructor's arguments).</summary>
    public static readonly IReadOnlyList<StandardField> All = new[] { Title, Author, Published, Lead, Image, Body, Captions };

    /// <summary>As an article reads: the explainer's and the report's order.</summary>
    public static readonly IReadOnlyList<StandardField> InReadingOrder = new[] { Title, Lead, Author, Published, Image, Body, Captions };

    /// <summary>The field's place in <see cref="All"/>.</summary>
    public static int IndexOf(StandardField field)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == field)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The standard field with this YAML key, or null.</summary>
    public static StandardField? Named(string name)
    {
        foreach (var field in All)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }
}
