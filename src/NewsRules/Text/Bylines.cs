using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Dates;
using NewsRules.Html;

namespace NewsRules.Text;

/// <summary>
/// Byline text: the prefixes ("By", "Von", "Par", "Autor:"…) and trailing dates and places
/// stripped from a name, and what looks like a person's name.
/// </summary>
internal static partial class Bylines
{
    /// <summary>One to five words, each capitalised or a name particle ("von", "de", "van der"); a lower-case handle ("rasos") only after "Gespeichert von", "Posted by" ….</summary>
    internal static bool LooksLikeName(string name, bool lowerCaseHandle)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5)
        {
            return false;
        }

        if (words.Length == 1 && lowerCaseHandle)
        {
            return true;
        }

        foreach (var word in words)
        {
            if (!char.IsUpper(word[0]) && !NameParticles.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "von", "van", "der", "den", "de", "la", "le", "da", "di", "du", "dos", "del", "y", "und", "and", "&", "et", "zu", "ter", "ten", "bin", "al",
    };

    /// <summary>A byline made a name: "By", "Von", "Par", "Autor:" and dates after a separator removed; null when it does not look like a name.</summary>
    internal static string? CleanAuthor(string text)
    {
        var value = text.Replace('\n', ' ').Trim().TrimStart('|', '~', '•', '·', '-', '\u2013', '\u2014', '©', ' ');
        if (TeamName().Match(value) is { Success: true } team)
        {
            // "Redaktion", "von Redaktion,": the newsroom signs; kept as a publisher is (IsOrganisation).
            return team.Groups["team"].Value;
        }

        value = BylinePrefix().Replace(value, string.Empty).Trim();
        var cut = value.IndexOfAny(new[] { '|', '•', '·', '\u2013', '\u2014' });
        if (cut > 0)
        {
            value = value.Substring(0, cut).Trim();
        }

        // What follows the name: "… am 24. Juli 2020", "…, 12 March 2019", "(Pressesprecher …)", ", PhD", "in Valve".
        // Twice: "Michael Larabel in Valve on 2 March 2019" loses its date, then its category.
        value = AfterName().Replace(AfterName().Replace(value, string.Empty), string.Empty);
        value = value.Trim(',', ';', ':', '-', ' ');
        if (value.Length < 2 || value.Length > 80 || value.Count(char.IsDigit) > 0 || value.Split(' ').Length > 8
            || NotAName().IsMatch(value))
        {
            return null;
        }

        // A catalogue's order, "Gillman, Steve": the name as it is spoken.
        if (LastCommaFirst().Match(value) is { Success: true } inverted)
        {
            return inverted.Groups["first"].Value + " " + inverted.Groups["last"].Value;
        }

        return value;
    }

    [GeneratedRegex(@"^(?<last>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?),\s*(?<first>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.?|\s+\p{Lu}\p{Ll}+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex LastCommaFirst();

    [GeneratedRegex(@"(?:,|\s+(?:am|on|at|le|el|il|op|den|um|vom))\s+(?=[^,]{0,20}\d).*$|\s*\(.*$|,\s*(?:ph\.?\s?d|m\.?d|r\.?d|mba|msc|bsc)\.?\s*$|\s+in\s+(?-i:\p{Lu})\S*(?:\s+(?-i:\p{Lu})\S*)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterName();

    // "Veröffentlicht von", "Zeige alle Beiträge von", "View all posts by", "Posted by", "Von", "par" …
    [GeneratedRegex(@"^\s*(?:(?:written|posted|published|veröffentlicht|publiziert|geschrieben|erstellt|gespeichert|verfasst|eingestellt|publié|écrit|publicado|escrito)\s+(?:by|von|vom|par|por)(?=\p{Lu})|(?:(?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von|(?:view\s+)?all\s+posts\s+by|more\s+posts\s+by|(?:written|posted|published|veröffentlicht|publiziert|geschrieben|erstellt|gespeichert|verfasst|eingestellt|publié|écrit|publicado|escrito)\s+(?:by|von|vom|par|por)|(?:ein\s+|blog\s*)?beitrag\s+von|artikel\s+von|submitted\s+by|reporting\s+by|interview|redaktion|by|von|vom|par|por|di|door|autor(?:in)?|author|auteur|text)\b|责任编辑)[:：\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    // Form labels, bare byline labels ("Posted on", "Veröffentlicht am"), commenters ("Anna says")
    // and "no author": not names.
    [GeneratedRegex(@"^(?:name|nom|nombre|e-?mail|website|webseite|autor(?:en|in|innen)?|authors?|auteurs?|posted|published|veröffentlicht|publiziert|no author|anonymous|admin|administrator|redaktion|editorial team|staff)\b\s*(?:\*|\(.*\)|am|on|le|\W)*$|\s(?:says|sagt|dit|schreibt|writes|wrote|schrieb)\s*:?$|\bmore posts$|^@|^(?:fotos?|photos?|bild(?:er)?|image|credits?|quelle|source)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    /// <summary>A newsroom signing as a whole ("Redaktion", "Editorial Team"), with a byline word before it or not.</summary>
    [GeneratedRegex(@"^(?:(?:by|von|vom|par|por|di)\s+)?(?<team>(?:die\s+)?redaktion|editorial\s+(?:team|staff)|staff|newsroom|rédaction|la\s+rédaction|redacción|redazione|redakcja)\s*[,.:]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex TeamName();
}
