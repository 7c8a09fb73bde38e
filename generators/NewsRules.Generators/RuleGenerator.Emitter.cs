using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NewsRules.Rules.Definition;

namespace NewsRules.Generators;

/// <summary>Emit: C# for one rule's article and extractor types, and for the Sites registry.</summary>
public sealed partial class RuleGenerator
{
    private const string Runtime = "global::NewsRules";
    private static readonly string GeneratorVersion = typeof(RuleGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
    private static readonly string GeneratedCode = $"[global::System.CodeDom.Compiler.GeneratedCode(\"NewsRules.Generators\", \"{GeneratorVersion}\")]";

    // Only for rules whose file owns the site name (the Owned step): when another file owns it,
    // NR0007 says so, and emitting both would only add CS0101.
    private static void EmitExtractor(SourceProductionContext context, RuleSource source, string targetNamespace)
    {
        try
        {
            context.AddSource($"{source.Model.Site}.g.cs", SourceText.From(ExtractorSource(source, targetNamespace), Encoding.UTF8));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, $"The NewsRules generator failed to emit {source.Model.Site} ({ex.GetType().Name}: {ex.Message})."));
        }
    }

    private static void EmitRegistry(SourceProductionContext context, ImmutableArray<RegistryEntry?> entries, SiteOwners owners, string targetNamespace)
    {
        try
        {
            var sites = entries
                .Where(e => e is not null && owners.Owns(e.Site, e.Path))
                .Select(e => e!)
                .OrderBy(e => e.Site, StringComparer.Ordinal)
                .ToList();
            context.AddSource("Sites.g.cs", SourceText.From(RegistrySource(sites, targetNamespace), Encoding.UTF8));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, $"The NewsRules generator failed to emit the Sites registry ({ex.GetType().Name}: {ex.Message})."));
        }
    }

    internal static string ExtractorSource(RuleSource source, string targetNamespace)
    {
        var model = source.Model;
        var site = model.Site;
        var fileName = FileName(source.Path);
        var w = new SourceWriter();
        Header(w);
        w.Open($"namespace {targetNamespace}");

        w.Line("/// <summary>");
        w.Line($"/// An article from {Xml(string.Join(", ", model.Domains))}, as the rule <c>{Xml(fileName)}</c> reads it.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed record {site}Article : {Runtime}.Article");
        w.Line($"/// <summary>Shapes an engine result as a <see cref=\"{site}Article\"/>.</summary>");
        w.Open($"public {site}Article({Runtime}.Article article) : base(article)");
        foreach (var field in model.Fields)
        {
            var reader = field.Many ? "Many" : "Single";
            // this.: a field may be named 'article', like the parameter.
            w.Line($"this.{field.Name} = {Runtime}.Engine.FieldValues.{reader}(article, {Literal(field.Name)});");
        }

        w.Close();
        foreach (var field in model.Fields)
        {
            w.Line();
            w.Line($"/// <summary>Custom field <c>{Xml(field.Name)}</c>: <c>{Xml(string.Join(" | ", field.Select))}</c>{(field.Pattern is null ? string.Empty : $", pattern <c>{Xml(field.Pattern)}</c>")}.</summary>");
            w.Line(field.Many
                ? $"public global::System.Collections.Generic.IReadOnlyList<string> {field.Name} {{ get; init; }} = global::System.Array.Empty<string>();"
                : $"public string? {field.Name} {{ get; init; }}");
        }

        w.Close();
        w.Line();

        w.Line("/// <summary>");
        w.Line($"/// Extracts <see cref=\"{site}Article\"/>s from {Xml(string.Join(", ", model.Domains))}. Generated from <c>{Xml(fileName)}</c>;");
        w.Line("/// safe to use from many threads at once.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed class {site}Extractor : {Runtime}.ArticleExtractor<{site}Article>");
        w.Line("/// <summary>The rule, with its selectors and patterns parsed once.</summary>");
        var arguments = new List<Code>
        {
            Code.Named("site", Code.Inline(Literal(site))),
            Code.Named("domains", Strings(model.Domains)),
            Code.Named("urls", Strings(model.Urls)),
            Code.Named("language", Code.Inline(NullableLiteral(model.Language))),
            Code.Named("title", OptionalField(model.Title)),
            Code.Named("author", OptionalField(model.Author)),
            Code.Named("published", OptionalField(model.Published)),
            Code.Named("lead", OptionalField(model.Lead)),
            Code.Named("image", OptionalField(model.Image)),
            Code.Named("body", OptionalField(model.Body)),
            Code.Named("captions", OptionalField(model.Captions)),
            Code.Named("junk", Selectors(model.Junk)),
            Code.Named("fields", Fields(model.Fields)),
        };

        // The optional arguments only when the rule sets them (defaults are not written).
        if (model.Fallback)
        {
            arguments.Add(Code.Named("fallback", Code.Inline("true")));
        }

        if (!model.Renames.IsEmpty)
        {
            arguments.Add(Code.Named("renames", Code.Array($"{Runtime}.Engine.ElementRename", model.Renames.Select(Rename))));
        }

        if (model.Boilerplate != BoilerplateMode.Remove)
        {
            arguments.Add(Code.Named("boilerplate", Code.Inline($"{Runtime}.Rules.Definition.BoilerplateMode.{model.Boilerplate}")));
        }

        if (model.Rot != RotPolicy.Fallback)
        {
            arguments.Add(Code.Named("rot", Code.Inline($"{Runtime}.Rules.Definition.RotPolicy.{model.Rot}")));
        }

        Code.New($"{Runtime}.Engine.SiteRule", arguments)
            .WriteTo(w, $"public static readonly {Runtime}.Engine.SiteRule Definition = ", ";");
        w.Line();
        SharedInstance(w, site);
        w.Line();
        w.Line($"/// <summary>Creates the extractor. <c>Sites.{site}</c> holds a shared instance.</summary>");
        w.Line($"public {site}Extractor() : base(Definition) {{ }}");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"protected override {site}Article Create({Runtime}.Article article) => new {site}Article(article);");
        w.Close();
        w.Close();
        return w.ToString();
    }

    // A broken rule's types, with the members its YAML names: the build then shows the rule's NR
    // errors only. The extractor serves no URL and throws when used.
    private static void EmitStub(SourceProductionContext context, StubSource stub, string targetNamespace)
    {
        try
        {
            context.AddSource($"{stub.Shape.Site}.g.cs", SourceText.From(StubSource(stub, targetNamespace), Encoding.UTF8));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, $"The NewsRules generator failed to emit the stand-in types of {stub.Shape.Site} ({ex.GetType().Name}: {ex.Message})."));
        }
    }

    internal static string StubSource(StubSource stub, string targetNamespace)
    {
        var site = stub.Shape.Site;
        var fileName = FileName(stub.Path);
        var w = new SourceWriter();
        Header(w);
        w.Open($"namespace {targetNamespace}");
        StubArticleType(
            w,
            site,
            $"Stands in for the article of the rule <c>{Xml(fileName)}</c>, which has errors (the build lists them as NR diagnostics at the file).",
            stub.Shape.Fields,
            field => $"/// <summary>Custom field <c>{Xml(field.Name)}</c> of the broken rule <c>{Xml(fileName)}</c>.</summary>");
        w.Line("/// <summary>");
        w.Line($"/// Stands in for the extractor of the rule <c>{Xml(fileName)}</c>, which has errors: fix the NR diagnostics the");
        w.Line("/// build reports at the file. It serves no URL, is not in <c>Sites.All</c>, and throws when it extracts.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed class {site}Extractor : {Runtime}.ArticleExtractor<{site}Article>");
        w.Line("/// <summary>An empty rule that serves no URL: the YAML could not be compiled.</summary>");
        w.Line($"public static readonly {Runtime}.Engine.SiteRule Definition = new {Runtime}.Engine.SiteRule(");
        w.Indent();
        w.Line($"site: {Literal(site)},");
        w.Line("domains: global::System.Array.Empty<string>(),");
        w.Line("urls: global::System.Array.Empty<string>(),");
        w.Line("language: null,");
        w.Line("title: null,");
        w.Line("author: null,");
        w.Line("published: null,");
        w.Line("lead: null,");
        w.Line("image: null,");
        w.Line("body: null,");
        w.Line("captions: null,");
        w.Line($"junk: global::System.Array.Empty<{Runtime}.Engine.Selector>(),");
        w.Line($"fields: global::System.Array.Empty<{Runtime}.Engine.FieldRule>(),");
        w.Line("fallback: true);");
        w.Outdent();
        w.Line();
        SharedInstance(w, site);
        w.Line();
        w.Line($"/// <summary>Creates the stand-in. <c>Sites.{site}</c> holds a shared instance.</summary>");
        w.Line($"public {site}Extractor() : base(Definition) {{ }}");
        w.Line();
        w.Line("/// <summary>Always throws: the rule has errors.</summary>");
        var message = $"The rule '{site}' ({fileName}) has errors, so its extractor was not generated. Fix the NR errors the build reports at {fileName} and build again.";
        w.Line($"protected override {site}Article Create({Runtime}.Article article) => throw new global::System.InvalidOperationException({Literal(message)});");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void StubArticleType(SourceWriter w, string site, string summary, EquatableArray<StubField> list, Func<StubField, string> fieldDoc)
    {
        w.Line("/// <summary>");
        w.Line($"/// {summary}");
        w.Line("/// </summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed record {site}Article : {Runtime}.Article");
        w.Line($"/// <summary>Shapes an engine result as a <see cref=\"{site}Article\"/>.</summary>");
        w.Open($"public {site}Article({Runtime}.Article article) : base(article)");
        foreach (var field in list)
        {
            var reader = field.Many ? "Many" : "Single";
            // this.: a field may be named 'article', like the parameter.
            w.Line($"this.{field.Name} = {Runtime}.Engine.FieldValues.{reader}(article, {Literal(field.Name)});");
        }

        w.Close();
        foreach (var field in list)
        {
            w.Line();
            w.Line(fieldDoc(field));
            w.Line(field.Many
                ? $"public global::System.Collections.Generic.IReadOnlyList<string> {field.Name} {{ get; init; }} = global::System.Array.Empty<string>();"
                : $"public string? {field.Name} {{ get; init; }}");
        }

        w.Close();
        w.Line();
    }

    internal static string RegistrySource(System.Collections.Generic.IReadOnlyList<RegistryEntry> sites, string targetNamespace)
    {
        var w = new SourceWriter();
        Header(w);
        w.Open($"namespace {targetNamespace}");
        w.Line("/// <summary>Every site rule compiled into this assembly. Each extractor is built on first use.</summary>");
        w.Line(GeneratedCode);
        w.Open("public static partial class Sites");
        foreach (var entry in sites)
        {
            var site = entry.Site;
            w.Line(entry.Broken
                ? $"/// <summary>Stands in for the extractor of <c>{Xml(FileName(entry.Path))}</c>, which has errors; it throws when used.</summary>"
                : $"/// <summary>The extractor for {Xml(string.Join(", ", entry.Domains))} (<c>{Xml(FileName(entry.Path))}</c>).</summary>");
            // Qualified: a site named FooExtractor makes the name FooExtractor a property here.
            w.Line($"public static {site}Extractor {site} => global::{targetNamespace}.{site}Extractor.Shared;");
            w.Line();
        }

        // The catalog: each rule's domains (the map ForUrl walks) and its extractor, built when
        // first asked for. Enumerating All builds them all; ForUrl builds only the candidates.
        w.Line("/// <summary>All extractors, ordered by site name; enumerating them builds each one.</summary>");
        Code.New($"{Runtime}.Engine.SiteCatalog", new[]
            {
                Code.Array(
                    $"{Runtime}.Engine.SiteCatalog.Entry",
                    sites.Where(entry => !entry.Broken).Select(entry => Code.Inline($"new({InlineStrings(entry.Domains)}, static () => {entry.Site})"))),
            })
            .WriteTo(w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Runtime}.IArticleExtractor> All {{ get; }} =").Indent(), string.Empty, ";");
        w.Outdent();
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// The extractor whose domain matches the URL's host most specifically and whose <c>urls</c> accept its path;");
        w.Line("/// null when none does. A map lookup per label of the host: the cost does not grow with the number of rules.");
        w.Line("/// </summary>");
        w.Line($"public static {Runtime}.IArticleExtractor? ForUrl(global::System.Uri url) =>");
        w.Line($"    (({Runtime}.Engine.SiteCatalog)All).Find(url);");
        w.Line();
        w.Line("/// <summary>As <see cref=\"ForUrl(global::System.Uri)\"/>; null also when <paramref name=\"url\"/> is not an absolute URL.</summary>");
        w.Line($"public static {Runtime}.IArticleExtractor? ForUrl(string url) =>");
        w.Line($"    (({Runtime}.Engine.SiteCatalog)All).Find(url);");

        // The front door: the rule that serves the URL, else the generic fallback.
        var overloads = new[]
        {
            ("string html, string url", "html"),
            ("string html, global::System.Uri url", "html"),
            ("global::System.IO.Stream html, global::System.Uri url", "html"),
            ("global::AngleSharp.Dom.IDocument document, global::System.Uri url", "document"),
        };
        for (var i = 0; i < overloads.Length; i++)
        {
            var (parameters, input) = overloads[i];
            w.Line();
            if (i == 0)
            {
                w.Line("/// <summary>");
                w.Line("/// The article of any page: the rule that serves <paramref name=\"url\"/> (as <see cref=\"ForUrl(global::System.Uri)\"/>");
                w.Line("/// picks it), else the generic fallback, whose article says so in a warning; with <paramref name=\"fallback\"/>");
                w.Line("/// false, a page no rule serves throws <see cref=\"global::NewsRules.NoRuleException\"/>.");
                w.Line("/// </summary>");
            }
            else
            {
                w.Line("/// <inheritdoc cref=\"Extract(string, string, bool)\"/>");
            }

            w.Line($"public static {Runtime}.Article Extract({parameters}, bool fallback = true) =>");
            w.Line($"    {Runtime}.Extractor.Extract({input}, url, All, fallback);");
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    // The instance Sites.<site> returns: a static field of the extractor type, so the runtime
    // builds it (and the rule's Definition before it) on the first use of that site only.
    private static void SharedInstance(SourceWriter w, string site)
    {
        w.Line($"/// <summary>The instance <c>Sites.{site}</c> returns, built on first use.</summary>");
        w.Line($"internal static readonly {site}Extractor Shared = new {site}Extractor();");
    }

    private static void Header(SourceWriter w)
    {
        w.Line("// <auto-generated/>");
        w.Line("// Generated by NewsRules.Generators from YAML site rules. Edit the rule, not this file.");
        w.Line("#nullable enable");
        w.Line();
    }

    private static Code Field(FieldModel field)
    {
        var arguments = new List<Code> { Code.Inline(Literal(field.Name)), Selectors(field.Select) };
        if (field.Pattern is not null)
        {
            arguments.Add(Code.Named("pattern", Code.Inline(Literal(field.Pattern))));
        }

        if (field.Many)
        {
            arguments.Add(Code.Named("many", Code.Inline("true")));
        }

        if (!field.Formats.IsEmpty)
        {
            arguments.Add(Code.Named("formats", Strings(field.Formats)));
        }

        if (field.Culture is not null)
        {
            arguments.Add(Code.Named("culture", Code.Inline(Literal(field.Culture))));
        }

        if (field.TimeZone is not null)
        {
            arguments.Add(Code.Named("timeZone", Code.Inline(Literal(field.TimeZone))));
        }

        if (field.KeepInBody)
        {
            arguments.Add(Code.Named("keepInBody", Code.Inline("true")));
        }

        return Code.New($"{Runtime}.Engine.FieldRule", arguments);
    }

    private static Code OptionalField(FieldModel? field) => field is null ? Code.Inline("null") : Field(field);

    private static Code Fields(EquatableArray<FieldModel> fields) =>
        Code.Array($"{Runtime}.Engine.FieldRule", fields.Select(Field));

    /// <summary>Selectors one per line: a rule's alternatives read down the page as in its YAML.</summary>
    private static Code Selectors(EquatableArray<SelectorModel> selectors) =>
        Code.Array($"{Runtime}.Engine.Selector", selectors.Select(selector => Code.Inline(Selector(selector))));

    private static string Selector(SelectorModel selector)
    {
        var text = new StringBuilder();
        text.Append($"new {Runtime}.Engine.Selector({Literal(selector.Css)}");
        if (selector.Attribute is not null)
        {
            text.Append($", {Literal(selector.Attribute)}");
        }

        // The long form's settings as named arguments, only those the rule sets: a short-form
        // selector is emitted as it always was.
        AppendNamed(text, "pattern", selector.Pattern);
        AppendNamed(text, "text", selector.Text);
        if (selector.LinksOnly)
        {
            text.Append(", linksOnly: true");
        }

        AppendNamed(text, "split", selector.Split);
        AppendNamed(text, "reject", selector.Reject);
        AppendNamed(text, "clean", selector.Clean);
        return text.Append(')').ToString();
    }

    private static void AppendNamed(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append($", {name}: {Literal(value)}");
        }
    }

    private static Code Rename(RenameModel rename) =>
        Code.Inline(rename.Tag is null
            ? $"new {Runtime}.Engine.ElementRename({Selector(rename.Select)})"
            : $"new {Runtime}.Engine.ElementRename({Selector(rename.Select)}, {Literal(rename.Tag)})");

    /// <summary>A string array: on one line when short, else one value per line.</summary>
    private static Code Strings(EquatableArray<string> values)
    {
        if (values.IsEmpty)
        {
            return Code.Inline("global::System.Array.Empty<string>()");
        }

        var inline = InlineStrings(values);
        return inline.Length <= Code.ShortLine ? Code.Inline(inline) : Code.Array("string", values.Select(value => Code.Inline(Literal(value))));
    }

    private static string InlineStrings(EquatableArray<string> values) =>
        values.IsEmpty ? "global::System.Array.Empty<string>()" : $"new string[] {{ {string.Join(", ", values.Select(Literal))} }}";

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string NullableLiteral(string? value) => value is null ? "null" : Literal(value);

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\n", " ").Replace("\r", " ");

    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
