using System.Linq;
using NewsRules.Engine;
using NewsRules.Rules.Definition;

namespace NewsRules.Loading;

/// <summary>Turns a validated <see cref="RuleModel"/> into a runnable <see cref="SiteRule"/>, as the generated code does.</summary>
internal static class RuleCompiler
{
    public static SiteRule Compile(RuleModel model) => new(
        model.Site,
        model.Domains.ToArray(),
        model.Urls.ToArray(),
        model.Language,
        StandardFields.All.Select(field => Optional(model.Field(field))).ToArray(),
        model.Junk.Select(Selector).ToArray(),
        model.Fields.Select(Field).ToArray(),
        model.Fallback,
        model.Renames.Select(rename => new ElementRename(Selector(rename.Select), rename.Tag)).ToArray(),
        model.Boilerplate,
        model.Rot,
        model.Reveal.Select(Selector).ToArray());

    private static FieldRule? Optional(FieldModel? field) => field is null ? null : Field(field);

    private static FieldRule Field(FieldModel field) => new(
        field.Name,
        field.Select.Select(Selector).ToArray(),
        field.Pattern,
        field.Many,
        field.Formats.ToArray(),
        field.Culture,
        field.TimeZone,
        field.KeepInBody);

    private static Selector Selector(SelectorModel selector) => new(
        selector.Css,
        selector.Attribute,
        selector.Pattern,
        selector.Text,
        selector.LinksOnly,
        selector.Split,
        selector.Reject,
        selector.Clean);
}
