using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsRules.Rules.Definition;

/// <summary>Value checks shared by the generator and the runtime loader.</summary>
internal static class RuleChecks
{
    /// <summary>The options every rule regex runs with, at build-time validation and at run time alike.</summary>
    public const RegexOptions PatternOptions = RegexOptions.CultureInvariant;

    /// <summary>
    /// How long one rule regex may run on one value. Patterns come from rule files and run on
    /// text from the web; a timeout keeps a catastrophic pattern from hanging a batch.
    /// </summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Returns null when the pattern compiles, else the reason it does not.</summary>
    public static string? RegexError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, PatternOptions, PatternTimeout);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>A bare host name: letters, digits, hyphens and dots; no scheme, port or path.</summary>
    public static bool IsHostName(string domain)
    {
        if (domain.Length == 0 || domain.Length > 253 || domain[0] == '.' || domain[domain.Length - 1] == '.' || domain.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (var c in domain)
        {
            if (!(char.IsLetterOrDigit(c) || c == '-' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A BCP 47-shaped language tag (en, ar, pt-BR, zh-Hant-TW).</summary>
    public static bool IsLanguageTag(string tag) =>
        Regex.IsMatch(tag, "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// True for a culture this machine's globalization data knows. Arabic is always known:
    /// the date parser reads Arabic month and day names itself rather than through .NET's
    /// Arabic cultures, whose calendars are Hijri and whose month names vary by country.
    /// </summary>
    public static bool IsKnownCulture(string name)
    {
        if (name.StartsWith("ar", StringComparison.OrdinalIgnoreCase) && (name.Length == 2 || name[2] == '-'))
        {
            return true;
        }

        // The host's culture list, read once: enumerating it costs an ICU call per culture,
        // and a rule set of thousands of rules asks once per date field.
        var known = KnownCultures.Value;
        return known is null || known.Contains(name);
    }

    /// <summary>The names of the host's cultures (the invariant one's empty name left out); null when they cannot be listed.</summary>
    private static readonly Lazy<HashSet<string>?> KnownCultures = new(() =>
    {
        try
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.AllCultures))
            {
                if (culture.Name.Length > 0)
                {
                    names.Add(culture.Name);
                }
            }

            return names;
        }
        catch (Exception)
        {
            // Globalization-invariant hosts list no cultures; do not fail a build for that.
            return null;
        }
    });

    /// <summary>
    /// True for a time zone id the host can resolve, or when the host cannot resolve IANA ids
    /// at all (a .NET Framework compiler on Windows): a wrong verdict there would break builds.
    /// </summary>
    public static bool IsKnownTimeZone(string id)
    {
        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return !HostKnowsIana();
        }
        catch (Exception)
        {
            return true;
        }
    }

    private static bool HostKnowsIana()
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
