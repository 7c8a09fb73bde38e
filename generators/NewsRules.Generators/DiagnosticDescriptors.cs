using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NewsRules.Rules.Definition;

namespace NewsRules.Generators;

/// <summary>
/// Every NR diagnostic the generator reports, in one table: id, title and the help link to the
/// code's entry in <c>docs/diagnostics.md</c> (cause and fix). The message is the shared reader's
/// text (it says what is wrong, where, and how to fix it). <c>AnalyzerReleases.*.md</c> lists the
/// same ids and titles, and a test holds the three together.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The page that lists every NR code; each code's entry is the anchor <c>#nr0001</c>, ….</summary>
    public const string HelpPage = "https://github.com/newsrules/NewsRules/blob/main/docs/diagnostics.md";

    private const string Category = "NewsRules";

    // The table: every NR code the generator can report, in id order, one field each (the
    // release-tracking analyzer reads the fields).
    public static readonly DiagnosticDescriptor YamlSyntax = Error(RuleDiagnosticIds.YamlSyntax, "Rule file is not valid YAML");
    public static readonly DiagnosticDescriptor UnknownKey = Error(RuleDiagnosticIds.UnknownKey, "Unknown key in rule");
    public static readonly DiagnosticDescriptor InvalidSelector = Error(RuleDiagnosticIds.InvalidSelector, "Invalid selector");
    public static readonly DiagnosticDescriptor InvalidRegex = Error(RuleDiagnosticIds.InvalidRegex, "Invalid regular expression");
    public static readonly DiagnosticDescriptor MissingKey = Error(RuleDiagnosticIds.MissingKey, "Required key missing");
    public static readonly DiagnosticDescriptor InvalidName = Error(RuleDiagnosticIds.InvalidName, "Name is not a C# identifier");
    public static readonly DiagnosticDescriptor DuplicateSite = Error(RuleDiagnosticIds.DuplicateSite, "Two rules share a site name");
    public static readonly DiagnosticDescriptor DuplicateDomain = Error(RuleDiagnosticIds.DuplicateDomain, "Two rules claim a domain");
    public static readonly DiagnosticDescriptor WrongType = Error(RuleDiagnosticIds.WrongType, "Value has the wrong shape");
    public static readonly DiagnosticDescriptor InvalidDomain = Error(RuleDiagnosticIds.InvalidDomain, "Domain is not a host name");
    public static readonly DiagnosticDescriptor UnknownCulture = Error(RuleDiagnosticIds.UnknownCulture, "Unknown culture");
    public static readonly DiagnosticDescriptor UnknownTimeZone = Error(RuleDiagnosticIds.UnknownTimeZone, "Unknown time zone");
    public static readonly DiagnosticDescriptor DuplicateKey = Error(RuleDiagnosticIds.DuplicateKey, "Duplicate key");
    public static readonly DiagnosticDescriptor TooLarge = Error(RuleDiagnosticIds.TooLarge, "Rule file too large");
    public static readonly DiagnosticDescriptor InternalError = Error(RuleDiagnosticIds.InternalError, "NewsRules generator failed on a rule");
    public static readonly DiagnosticDescriptor InvalidJsonLd = Error(RuleDiagnosticIds.InvalidJsonLd, "Invalid JSON-LD selector");
    public static readonly DiagnosticDescriptor UnknownCleaner = Error(RuleDiagnosticIds.UnknownCleaner, "Unknown cleaner");
    public static readonly DiagnosticDescriptor InvalidRename = Error(RuleDiagnosticIds.InvalidRename, "Invalid rename target");

    /// <summary>Every descriptor of the table, in id order.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        YamlSyntax,
        UnknownKey,
        InvalidSelector,
        InvalidRegex,
        MissingKey,
        InvalidName,
        DuplicateSite,
        DuplicateDomain,
        WrongType,
        InvalidDomain,
        UnknownCulture,
        UnknownTimeZone,
        DuplicateKey,
        TooLarge,
        InternalError,
        InvalidJsonLd,
        UnknownCleaner,
        InvalidRename);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    /// <summary>The descriptor of an NR code; an unknown code is reported as NR0015.</summary>
    public static DiagnosticDescriptor For(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : InternalError;

    private static DiagnosticDescriptor Error(string id, string title) => new(
        id,
        title,
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: $"{HelpPage}#{id.ToLowerInvariant()}");
}
