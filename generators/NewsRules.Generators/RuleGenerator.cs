using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NewsRules.Rules.Definition;

namespace NewsRules.Generators;

/// <summary>
/// Compiles every YAML site rule (AdditionalFiles ending in .yaml/.yml) into a typed extractor
/// and a <c>Sites</c> registry. Pipeline: Parse (file → model + diagnostics, per file) →
/// Model (positions dropped, so comment-only edits stop here) → Owned (whether the file owns its
/// site name) → Emit (one source per rule); Owners (site names by path) and Registry (the
/// RegistryEntry of every valid rule: name, domains, file) are collected.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class RuleGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var targetNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => NamespaceFrom(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Namespace);

        var parsed = context.AdditionalTextsProvider
            .Where(static file => IsRuleFile(file.Path))
            .Select(static (file, cancellationToken) => Parse(file, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var models = parsed
            .Select(static (parsed, _) => parsed.Result.Model is null ? null : new RuleSource(parsed.Path, parsed.Result.Model))
            .WithTrackingName(TrackingNames.Model);

        // A rule with errors still owns its site name: its stub types stand in for the real ones.
        var owners = parsed
            .Select(static (parsed, _) => parsed.Result.Claims is { Site: { } site } ? new SiteOwner(site, parsed.Path)
                : parsed.Stub is { } stub ? new SiteOwner(stub.Site, parsed.Path)
                : null)
            .Collect()
            .Select(static (all, _) => SiteOwners.From(all))
            .WithTrackingName(TrackingNames.Owners);

        var claims = parsed
            .Select(static (parsed, _) => parsed.Result.Claims)
            .Collect()
            .WithTrackingName(TrackingNames.Claims);

        context.RegisterSourceOutput(parsed, static (spc, parsed) => Report(spc, parsed.Result.Diagnostics));
        context.RegisterSourceOutput(claims, static (spc, all) => ReportDuplicates(spc, all));

        // Each rule's extractor depends on its own model and on whether its file owns the site
        // name, not on the whole owner list: adding or renaming another rule changes the owners,
        // but leaves this rule's Owned output equal, so its source is not emitted again.
        var owned = models
            .Combine(owners)
            .Select(static (pair, _) => pair.Left is { } source && pair.Right.Owns(source.Model.Site, source.Path) ? source : null)
            .WithTrackingName(TrackingNames.Owned);

        var emitInput = owned
            .Where(static source => source is not null)
            .Combine(targetNamespace)
            .WithTrackingName(TrackingNames.EmitInput);
        context.RegisterSourceOutput(emitInput, static (spc, input) => EmitExtractor(spc, input.Left!, input.Right));

        // A rule with errors keeps its types, as stubs that throw when used: one mistake in a
        // YAML file then gives its NR errors only, not a CS0246/CS0117 at every call site.
        var stubs = parsed
            .Select(static (parsed, _) => parsed.Stub is { } shape ? new StubSource(parsed.Path, shape) : null)
            .WithTrackingName(TrackingNames.Stub);
        var stubInput = stubs
            .Combine(owners)
            .Select(static (pair, _) => pair.Left is { } stub && pair.Right.Owns(stub.Shape.Site, stub.Path) ? stub : null)
            .WithTrackingName(TrackingNames.StubOwned)
            .Where(static stub => stub is not null)
            .Combine(targetNamespace);
        context.RegisterSourceOutput(stubInput, static (spc, input) => EmitStub(spc, input.Left!, input.Right));

        // The registry needs of each rule only its site name, domains and file: a projection that
        // an edit of a selector, a pattern or the language leaves equal, so the 2,000-entry
        // Sites source is not built, nor parsed by the compiler, again.
        var entries = models
            .Select(static (source, _) => source is null ? null : new RegistryEntry(source.Path, source.Model.Site, source.Model.Domains))
            .WithTrackingName(TrackingNames.RegistryEntry);
        var stubEntries = stubs
            .Select(static (stub, _) => stub is null ? null : new RegistryEntry(stub.Path, stub.Shape.Site, EquatableArray<string>.Empty, Broken: true));

        var registryInput = entries
            .Collect()
            .Combine(stubEntries.Collect())
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right))
            .Combine(owners)
            .Combine(targetNamespace)
            .WithTrackingName(TrackingNames.Registry);
        context.RegisterSourceOutput(registryInput, static (spc, input) => EmitRegistry(spc, input.Left.Left, input.Left.Right, input.Right));
    }

    private static bool IsRuleFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static ParsedRule Parse(AdditionalText file, CancellationToken cancellationToken)
    {
        var content = default(string);
        var result = ReadRule(file, cancellationToken, ref content);
        if (result.Model is not null)
        {
            return new ParsedRule(result, null);
        }

        try
        {
            return new ParsedRule(result, RuleShape.Read(file.Path, content, result.Claims, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The stub is a courtesy: without it the rule's NR errors still stand.
            return new ParsedRule(result, null);
        }
    }

    private static RuleParseResult ReadRule(AdditionalText file, CancellationToken cancellationToken, ref string? content)
    {
        try
        {
            var text = file.GetText(cancellationToken);
            content = text?.ToString();
            var legacy = text?.Encoding is { } encoding && !(encoding is System.Text.UTF8Encoding || encoding is System.Text.UnicodeEncoding || encoding is System.Text.UTF32Encoding);
            if (content is not null && (legacy || content.IndexOf('\uFFFD') >= 0))
            {
                // A file that is not valid UTF-8 reaches the generator decoded with a legacy code
                // page or with U+FFFD for the bytes that failed: either way the rule would compile
                // with mojibake selectors and patterns. Say so, as 'newsrules check' does.
                var diagnostic = new RuleDiagnostic(
                    RuleDiagnosticIds.YamlSyntax,
                    RuleSeverity.Error,
                    "The rule file is not valid UTF-8 (or holds U+FFFD, the mark of bytes lost in decoding); save it as UTF-8.",
                    RuleLocation.FileStart(file.Path));
                return new RuleParseResult(file.Path, null, new EquatableArray<RuleDiagnostic>(new[] { diagnostic }), null);
            }

            return RuleReader.Parse(file.Path, content, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Never let an exception escape: it would become CS8785 and drop every rule's output.
            var diagnostic = new RuleDiagnostic(
                RuleDiagnosticIds.InternalError,
                RuleSeverity.Error,
                $"The NewsRules generator failed on this rule ({ex.GetType().Name}: {ex.Message}). Please report it with the rule file.",
                RuleLocation.FileStart(file.Path));
            return new RuleParseResult(file.Path, null, new EquatableArray<RuleDiagnostic>(new[] { diagnostic }), null);
        }
    }

    private static string NamespaceFrom(AnalyzerConfigOptions options)
    {
        foreach (var key in new[] { "build_property.NewsRulesNamespace", "build_property.RootNamespace" })
        {
            if (options.TryGetValue(key, out var value) && IsNamespace(value))
            {
                return value.Trim();
            }
        }

        return "NewsRules.Generated";
    }

    private static bool IsNamespace(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value!.Trim().Split('.').All(Identifiers.IsIdentifier);

    private static void Report(SourceProductionContext context, EquatableArray<RuleDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }
    }

    private static void ReportDuplicates(SourceProductionContext context, ImmutableArray<RuleClaims?> all)
    {
        try
        {
            Report(context, new EquatableArray<RuleDiagnostic>(RuleSetChecks.Duplicates(all.Where(c => c is not null).Select(c => c!))));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, $"The NewsRules generator failed while comparing rules ({ex.GetType().Name}: {ex.Message})."));
        }
    }

    private static Diagnostic ToDiagnostic(RuleDiagnostic diagnostic)
    {
        var at = diagnostic.Location;
        var location = Location.Create(
            at.Path,
            new TextSpan(at.StartIndex, Math.Max(0, at.EndIndex - at.StartIndex)),
            new LinePositionSpan(new LinePosition(at.StartLine, at.StartColumn), new LinePosition(at.EndLine, at.EndColumn)));
        var descriptor = DiagnosticDescriptors.For(diagnostic.Id);
        return diagnostic.Severity == RuleSeverity.Error
            ? Diagnostic.Create(descriptor, location, diagnostic.Message)
            : Diagnostic.Create(descriptor, location, DiagnosticSeverity.Warning, null, null, diagnostic.Message);
    }
}

/// <summary>The step names, for tests that check what the incremental pipeline cached.</summary>
public static class TrackingNames
{
    public const string Namespace = nameof(Namespace);
    public const string Parse = nameof(Parse);
    public const string Model = nameof(Model);
    public const string Owners = nameof(Owners);
    public const string Claims = nameof(Claims);
    public const string Owned = nameof(Owned);
    public const string EmitInput = nameof(EmitInput);
    public const string RegistryEntry = nameof(RegistryEntry);
    public const string Registry = nameof(Registry);
    public const string Stub = nameof(Stub);
    public const string StubOwned = nameof(StubOwned);
}

/// <summary>A valid rule and the file it came from (a path, not a Roslyn location).</summary>
internal sealed record RuleSource(string Path, RuleModel Model);

/// <summary>
/// What the Sites registry needs of one valid rule: its file, site name and domains (the
/// domains are in the property's doc comment). Everything else in the model is left out, so
/// that editing a rule's selectors leaves its entry, and the registry, equal. A broken rule's
/// entry (<c>Broken</c>) names its stub extractor, which serves no URL and is not in <c>All</c>.
/// </summary>
internal sealed record RegistryEntry(string Path, string Site, EquatableArray<string> Domains, bool Broken = false);

/// <summary>A site name and the file that declares it.</summary>
internal sealed record SiteOwner(string Site, string Path);

/// <summary>For each site name, the file that owns it: the first by ordinal path order.</summary>
internal sealed record SiteOwners(EquatableArray<SiteOwner> Owners)
{
    public static SiteOwners From(ImmutableArray<SiteOwner?> all)
    {
        var owners = all
            .Where(o => o is not null)
            .Select(o => o!)
            .OrderBy(o => o.Path, StringComparer.Ordinal)
            .GroupBy(o => o.Site, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(o => o.Site, StringComparer.Ordinal);
        return new SiteOwners(new EquatableArray<SiteOwner>(owners));
    }

    /// <summary>Whether the file at <paramref name="path"/> owns <paramref name="site"/>: a binary search, the owners being ordered by site name.</summary>
    public bool Owns(string site, string path)
    {
        var low = 0;
        var high = Owners.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var owner = Owners[middle];
            var order = string.CompareOrdinal(owner.Site, site);
            if (order == 0)
            {
                return owner.Path == path;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }
}
