using System;

namespace NewsRules.Rules.Definition;

/// <summary>
/// One site rule as plain, value-equatable data: what the YAML says, validated, with no
/// positions in it. Both front ends build it with <see cref="RuleReader"/>: the source
/// generator emits a typed extractor from it, the runtime interprets it directly.
/// </summary>
internal sealed record RuleModel(
    string Site,
    EquatableArray<string> Domains,
    EquatableArray<string> Urls,
    string? Language,
    FieldModel? Title,
    FieldModel? Author,
    FieldModel? Published,
    FieldModel? Lead,
    FieldModel? Image,
    FieldModel? Body,
    FieldModel? Captions,
    EquatableArray<SelectorModel> Junk,
    EquatableArray<FieldModel> Fields,
    bool Fallback = false,
    BoilerplateMode Boilerplate = BoilerplateMode.Remove,
    RotPolicy Rot = RotPolicy.Fallback);

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

/// <summary>One selector alternative: a CSS selector and, for <c>selector@attr</c>, the attribute to read.</summary>
internal sealed record SelectorModel(string Css, string? Attribute)
{
    /// <summary>The selector as the rule author wrote it.</summary>
    public override string ToString() => Attribute is null ? Css : Css + "@" + Attribute;
}
