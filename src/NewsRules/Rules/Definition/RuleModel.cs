using System;

namespace NewsRules.Rules.Definition;

/// <summary>
/// One site rule as plain, value-equatable data: what the YAML says, validated, with no
/// positions in it. Both front ends build it with <see cref="RuleReader"/>: the source
/// generator emits a typed extractor from it, the runtime interprets it directly.
/// <see cref="Standard"/> holds the standard fields the rule sets (<see cref="StandardFields"/>, in
/// its order); <see cref="Fields"/> the custom ones.
/// </summary>
internal sealed record RuleModel(
    string Site,
    EquatableArray<string> Domains,
    EquatableArray<string> Urls,
    string? Language,
    EquatableArray<FieldModel> Standard,
    EquatableArray<SelectorModel> Junk,
    EquatableArray<FieldModel> Fields,
    bool Fallback = false,
    EquatableArray<RenameModel> Renames = default,
    BoilerplateMode Boilerplate = BoilerplateMode.Remove,
    RotPolicy Rot = RotPolicy.Fallback,
    EquatableArray<SelectorModel> Reveal = default)
{
    /// <summary>The standard field as the rule sets it, or null when the rule leaves it out.</summary>
    public FieldModel? Field(StandardField field)
    {
        foreach (var model in Standard)
        {
            if (model.Name == field.Name)
            {
                return model;
            }
        }

        return null;
    }
}

/// <summary>
/// <c>unwrap</c> (<see cref="Tag"/> null) or <c>rename</c>: the body reads the elements the
/// selector matches as if their tag were <see cref="Tag"/>, or as inline text when unwrapped.
/// </summary>
internal sealed record RenameModel(SelectorModel Select, string? Tag);

/// <summary>A field: ordered selector alternatives plus the optional long-form settings.</summary>
internal sealed record FieldModel(
    string Name,
    EquatableArray<SelectorModel> Select,
    string? Pattern,
    bool Many,
    EquatableArray<string> Formats,
    string? Culture,
    string? TimeZone,
    bool KeepInBody = false);

/// <summary>
/// One selector alternative: a CSS selector and, for <c>selector@attr</c>, the attribute to read
/// (or, for <c>ld:path</c>, a JSON-LD path in <see cref="Css"/>), plus what the alternative's
/// long form (or its field's) says about the elements it takes and the values it gives.
/// </summary>
internal sealed record SelectorModel(string Css, string? Attribute)
{
    /// <summary>The alternative's own <c>pattern</c>, used instead of the field's.</summary>
    public string? Pattern { get; init; }

    /// <summary><c>text</c>: a case-insensitive regex the element's normalized text must match.</summary>
    public string? Text { get; init; }

    /// <summary><c>links_only: true</c>: the element's text must all be link text.</summary>
    public bool LinksOnly { get; init; }

    /// <summary><c>split</c>: a regex that cuts one value into several.</summary>
    public string? Split { get; init; }

    /// <summary><c>reject</c>: a regex; a value it matches is dropped.</summary>
    public string? Reject { get; init; }

    /// <summary><c>clean</c>: the name of a value cleaner (<see cref="ValueOptions.Cleaners"/>).</summary>
    public string? Clean { get; init; }

    /// <summary>True for an <c>ld:path</c> alternative, which reads the page's JSON-LD.</summary>
    public bool IsJsonLd => Attribute is null && SelectorSyntax.IsJsonLd(Css);

    /// <summary>True when the alternative is a bare selector, as the short form writes it.</summary>
    public bool IsShortForm => Pattern is null && Text is null && !LinksOnly && Split is null && Reject is null && Clean is null;

    /// <summary>The selector as the rule author wrote it.</summary>
    public override string ToString() => Attribute is null ? Css : Css + "@" + Attribute;
}
