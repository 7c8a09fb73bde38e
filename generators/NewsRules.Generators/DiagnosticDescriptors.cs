using Microsoft.CodeAnalysis;
using NewsRules.Rules.Definition;

namespace NewsRules.Generators;

/// <summary>
/// Every NR diagnostic the generator reports. The message is the shared reader's text
/// (it says what is wrong, where, and how to fix it); the descriptor gives id, title and severity.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "NewsRules";

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

    public static DiagnosticDescriptor For(string id) => id switch
    {
        RuleDiagnosticIds.YamlSyntax => YamlSyntax,
        RuleDiagnosticIds.UnknownKey => UnknownKey,
        RuleDiagnosticIds.InvalidSelector => InvalidSelector,
        RuleDiagnosticIds.InvalidRegex => InvalidRegex,
        RuleDiagnosticIds.MissingKey => MissingKey,
        RuleDiagnosticIds.InvalidName => InvalidName,
        RuleDiagnosticIds.DuplicateSite => DuplicateSite,
        RuleDiagnosticIds.DuplicateDomain => DuplicateDomain,
        RuleDiagnosticIds.WrongType => WrongType,
        RuleDiagnosticIds.InvalidDomain => InvalidDomain,
        RuleDiagnosticIds.UnknownCulture => UnknownCulture,
        RuleDiagnosticIds.UnknownTimeZone => UnknownTimeZone,
        RuleDiagnosticIds.DuplicateKey => DuplicateKey,
        RuleDiagnosticIds.TooLarge => TooLarge,
        RuleDiagnosticIds.InvalidJsonLd => InvalidJsonLd,
        RuleDiagnosticIds.UnknownCleaner => UnknownCleaner,
        RuleDiagnosticIds.InvalidRename => InvalidRename,
        _ => InternalError,
    };

    private static DiagnosticDescriptor Error(string id, string title) => new(
        id,
        title,
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
