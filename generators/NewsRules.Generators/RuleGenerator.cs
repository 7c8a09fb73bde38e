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
            .Select(static (result, _) => result.Model is null ? null : new RuleSource(result.Path, result.Model))
            .WithTrackingName(TrackingNames.Model);

        var owners = parsed
            .Select(static (result, _) => result.Claims is { Site: { } site } ? new SiteOwner(site, result.Path) : null)
            .Collect()
            .Select(static (all, _) => SiteOwners.From(all))
            .WithTrackingName(TrackingNames.Owners);

        var claims = parsed
            .Select(static (result, _) => result.Claims)
            .Collect()
            .WithTrackingName(TrackingNames.Claims);

        context.RegisterSourceOutput(parsed, static (spc, result) => Report(spc, result.Diagnostics));
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

        // The registry needs of each rule only its site name, domains and file: a projection that
        // an edit of a selector, a pattern or the language leaves equal, so the 2,000-entry
        // Sites source is not built, nor parsed by the compiler, again.
        var entries = models
            .Select(static (source, _) => source is null ? null : new RegistryEntry(source.Path, source.Model.Site, source.Model.Domains))
            .WithTrackingName(TrackingNames.RegistryEntry);

        var registryInput = entries
            .Collect()
            .Combine(owners)
            .Combine(targetNamespace)
            .WithTrackingName(TrackingNames.Registry);
        context.RegisterSourceOutput(registryInput, static (spc, input) => EmitRegistry(spc, input.Left.Left, input.Left.Right, input.Right));
    }

    private static bool IsRuleFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static RuleParseResult Parse(AdditionalText file, CancellationToken cancellationToken)
    {
        try
        {
            var text = file.GetText(cancellationToken);
            var content = text?.ToString();
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
}

/// <summary>A valid rule and the file it came from (a path, not a Roslyn location).</summary>
internal sealed record RuleSource(string Path, RuleModel Model);

/// <summary>
/// What the Sites registry needs of one valid rule: its file, site name and domains (the
/// domains are in the property's doc comment). Everything else in the model is left out, so
/// that editing a rule's selectors leaves its entry, and the registry, equal.
/// </summary>
internal sealed record RegistryEntry(string Path, string Site, EquatableArray<string> Domains);

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
