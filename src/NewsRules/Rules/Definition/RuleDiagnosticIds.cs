namespace NewsRules.Rules.Definition;

/// <summary>
/// The NR diagnostic family. Ids are stable: users suppress and search for them, and the
/// README's diagnostics table lists them. New problems get new ids; ids are never reused.
/// </summary>
internal static class RuleDiagnosticIds
{
    /// <summary>The file is not valid YAML, or cannot be read.</summary>
    public const string YamlSyntax = "NR0001";

    /// <summary>A key the rule language does not have (with the nearest valid key).</summary>
    public const string UnknownKey = "NR0002";

    /// <summary>A selector that is not valid CSS, or a bad <c>@attribute</c>.</summary>
    public const string InvalidSelector = "NR0003";

    /// <summary>A regular expression (<c>urls</c>, <c>pattern</c>) that does not compile.</summary>
    public const string InvalidRegex = "NR0004";

    /// <summary>A required key (site, domains, title, body) is missing or empty.</summary>
    public const string MissingKey = "NR0005";

    /// <summary>A site or field name that is not a usable C# identifier.</summary>
    public const string InvalidName = "NR0006";

    /// <summary>Two rules declare the same site name.</summary>
    public const string DuplicateSite = "NR0007";

    /// <summary>Two rules claim the same domain.</summary>
    public const string DuplicateDomain = "NR0008";

    /// <summary>A value of the wrong shape (a list where a string belongs, and so on).</summary>
    public const string WrongType = "NR0009";

    /// <summary>A domain that is not a bare host name.</summary>
    public const string InvalidDomain = "NR0010";

    /// <summary>A culture name this machine does not know.</summary>
    public const string UnknownCulture = "NR0011";

    /// <summary>A time zone id that is not an IANA zone.</summary>
    public const string UnknownTimeZone = "NR0012";

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "NR0013";

    /// <summary>A rule file over the size or node limits.</summary>
    public const string TooLarge = "NR0014";

    /// <summary>An unexpected failure inside the generator, reported instead of thrown.</summary>
    public const string InternalError = "NR0015";

    /// <summary>An <c>ld:</c> (JSON-LD) selector that is malformed or stands where elements are selected.</summary>
    public const string InvalidJsonLd = "NR0016";

    /// <summary>A <c>clean:</c> value that names no cleaner.</summary>
    public const string UnknownCleaner = "NR0017";

    /// <summary>A <c>rename</c> target that is not a tag the body reader gives a block kind to.</summary>
    public const string InvalidRename = "NR0018";

    /// <summary><c>reveal</c> in a rule without <c>body</c>: it reads hidden elements inside the rule's body only.</summary>
    public const string RevealWithoutBody = "NR0019";
}
