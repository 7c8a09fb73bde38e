using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Dates;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// Dates written only for people ("١٢ مايو ٢٠٢٤", "12. Mai 2024", "2024年5月12日", "Dec 13, 2016 at
/// 3:45 PM"): the element that shows one, with the <c>format</c> and <c>culture</c> the engine reads
/// it with (checked through <see cref="DateParser"/>, the engine's own reader) and the <c>timezone</c>
/// the site's country or language suggests. Also the zone a machine-readable date's offset shows,
/// so that a site's values written without an offset are read in it.
/// </summary>
internal static class VisibleDate
{
    /// <summary>Formats per culture, longest first (a format with the time of day before the same without).</summary>
    private static readonly (string Culture, string[] Formats)[] Known =
    {
        ("ar", new[]
        {
            "d MMMM yyyy HH:mm", "d MMMM yyyy h:mm tt", "d MMMM yyyy, HH:mm", "dddd d MMMM yyyy", "dddd, d MMMM yyyy", "d MMMM yyyy",
        }),
        ("de", new[]
        {
            "d. MMMM yyyy, HH:mm 'Uhr'", "d. MMMM yyyy HH:mm 'Uhr'", "d. MMMM yyyy, HH:mm", "d. MMMM yyyy HH:mm", "dddd, d. MMMM yyyy", "d. MMMM yyyy",
            "d. MMM yyyy", "dd.MM.yyyy, HH:mm 'Uhr'", "dd.MM.yyyy HH:mm 'Uhr'", "dd.MM.yyyy, HH:mm", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "d.M.yyyy",
        }),
        ("ja", new[]
        {
            "yyyy年M月d日 H時m分", "yyyy年M月d日H時m分", "yyyy年M月d日 H:mm", "yyyy年M月d日 HH:mm", "yyyy年M月d日", "yyyy/MM/dd HH:mm", "yyyy/MM/dd",
        }),
        ("en", new[]
        {
            "MMM d, yyyy 'at' h:mm tt", "MMMM d, yyyy 'at' h:mm tt", "MMM d, yyyy, h:mm tt", "MMMM d, yyyy, h:mm tt", "MMM d, yyyy h:mm tt",
            "MMMM d, yyyy h:mm tt", "dddd, MMMM d, yyyy", "MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy HH:mm", "d MMMM yyyy", "d MMM yyyy",
        }),
        ("fr", new[] { "d MMMM yyyy 'à' HH'h'mm", "d MMMM yyyy 'à' HH:mm", "dddd d MMMM yyyy", "d MMMM yyyy" }),
        ("es", new[] { "d 'de' MMMM 'de' yyyy, HH:mm", "d 'de' MMMM 'de' yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy" }),
    };

    /// <summary>Zones by country-code top-level domain.</summary>
    private static readonly Dictionary<string, string> CountryZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "Europe/Berlin", ["at"] = "Europe/Vienna", ["ch"] = "Europe/Zurich", ["fr"] = "Europe/Paris", ["be"] = "Europe/Brussels",
        ["nl"] = "Europe/Amsterdam", ["it"] = "Europe/Rome", ["es"] = "Europe/Madrid", ["pt"] = "Europe/Lisbon", ["uk"] = "Europe/London",
        ["ie"] = "Europe/Dublin", ["pl"] = "Europe/Warsaw", ["cz"] = "Europe/Prague", ["dk"] = "Europe/Copenhagen", ["no"] = "Europe/Oslo",
        ["se"] = "Europe/Stockholm", ["fi"] = "Europe/Helsinki", ["gr"] = "Europe/Athens", ["tr"] = "Europe/Istanbul", ["ru"] = "Europe/Moscow",
        ["jp"] = "Asia/Tokyo", ["kr"] = "Asia/Seoul", ["cn"] = "Asia/Shanghai", ["tw"] = "Asia/Taipei", ["in"] = "Asia/Kolkata",
        ["sa"] = "Asia/Riyadh", ["ae"] = "Asia/Dubai", ["eg"] = "Africa/Cairo", ["qa"] = "Asia/Qatar", ["lb"] = "Asia/Beirut",
        ["za"] = "Africa/Johannesburg", ["ng"] = "Africa/Lagos", ["ke"] = "Africa/Nairobi", ["au"] = "Australia/Sydney", ["nz"] = "Pacific/Auckland",
        ["ca"] = "America/Toronto", ["br"] = "America/Sao_Paulo", ["mx"] = "America/Mexico_City", ["ar"] = "America/Argentina/Buenos_Aires",
    };

    /// <summary>Zones by language, where one zone holds most of its readers.</summary>
    private static readonly Dictionary<string, string> LanguageZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "Europe/Berlin", ["ja"] = "Asia/Tokyo", ["fr"] = "Europe/Paris", ["it"] = "Europe/Rome", ["es"] = "Europe/Madrid",
        ["pl"] = "Europe/Warsaw", ["ko"] = "Asia/Seoul", ["tr"] = "Europe/Istanbul",
    };

    private static readonly Regex MonthFirst = new(
        @"((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d.*)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        TimeSpan.FromSeconds(1));

    /// <summary>A date an element shows, the format and culture it reads with, and the pattern that cuts it out of a longer line (or null).</summary>
    internal sealed record Reading(IElement Element, string Text, string Format, string Culture, string? Pattern, DateTimeOffset Value);

    /// <summary>
    /// The published date as the page shows it: the element <paramref name="preferred"/> (the one the
    /// generic extractor read, when it read one) else the first short element in the page whose text
    /// is a date in a known format, with the format, culture and zone to read it. Null when none reads.
    /// </summary>
    public static FieldGuess? Find(IDocument document, TextStatistics statistics, IElement? preferred, string? language, string host, IReadOnlyList<IElement> body)
    {
        var reading = (preferred is null ? null : Read(preferred, language)) ?? Candidates(statistics, body).Select(e => Read(e, language)).FirstOrDefault(r => r is not null);
        if (reading is null || Guessing.NameFirst(document, reading.Element, statistics) is not { } css || css == reading.Element.LocalName)
        {
            return null;
        }

        var hasTime = reading.Format.Contains('H', StringComparison.Ordinal) || reading.Format.Contains('h', StringComparison.Ordinal);
        var zone = ZoneFor(host, reading.Culture);
        var evidence = $"the date the page shows, '{Guessing.Preview(reading.Text, 40)}', read as '{reading.Format}' in culture {reading.Culture}"
            + (zone is null ? (hasTime ? "; no zone known for the site: add 'timezone:' (IANA id)" : string.Empty) : $", in {zone} (the site's country or language: check it)");
        return FieldGuess.Of("published", new[] { css }, 0.6, evidence, reading.Pattern) with
        {
            Format = reading.Format,
            Culture = reading.Culture,
            TimeZone = zone,
        };
    }

    /// <summary>The date <paramref name="element"/>'s text shows, read by the engine's date reader with a known format; null when none reads it.</summary>
    internal static Reading? Read(IElement element, string? language)
    {
        var text = Guessing.TextOf(element).Trim();
        if (text.Length is < 6 or > 80 || !text.Any(char.IsDigit))
        {
            return null;
        }

        var primary = language is null ? null : language.Split('-', '_')[0].ToLowerInvariant();
        foreach (var (culture, formats) in Known.OrderBy(k => k.Culture == primary ? 0 : 1))
        {
            foreach (var (value, pattern) in Pieces(text, culture))
            {
                foreach (var format in formats)
                {
                    if (DateParser.TryParse(value, new[] { format }, culture, null, out var date, out _)
                        && date.Year is > 1990 and < 2100
                        && !IsMachineForm(value))
                    {
                        return new Reading(element, text, format, culture, pattern, date);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The whole text, then the date part of a labelled line ("Veröffentlicht am 12. Mai 2024", "Published: Dec 13, 2016") with the pattern that cuts it out.</summary>
    private static IEnumerable<(string Value, string? Pattern)> Pieces(string text, string culture)
    {
        yield return (text, null);
        if (culture == "en")
        {
            var month = MonthFirst.Match(text);
            if (month.Success && month.Index > 0)
            {
                yield return (month.Groups[1].Value, MonthFirst.ToString());
            }
        }

        var digit = text.IndexOf(text.FirstOrDefault(c => char.IsDigit(c)));
        if (digit > 0)
        {
            yield return (text.Substring(digit), @"(\d.*)$");
        }
    }

    /// <summary>ISO 8601 and other machine forms the engine reads without a format: not what this is for.</summary>
    private static bool IsMachineForm(string value) =>
        DateParser.TryParse(value, Array.Empty<string>(), null, null, out _, out _);

    /// <summary>Short leaf-like elements, in page order, those inside or before the body first.</summary>
    private static IEnumerable<IElement> Candidates(TextStatistics statistics, IReadOnlyList<IElement> body)
    {
        var end = body.Count > 0 ? body[^1] : null;
        foreach (var element in statistics.Elements)
        {
            if (element.LocalName is "script" or "style" or "option" or "a" or "html" or "body" || element.TextContent.Length > 120)
            {
                continue;
            }

            if (end is not null && element != end && !Dom.IsInside(element, end) && end.CompareDocumentPosition(element).HasFlag(DocumentPositions.Following))
            {
                yield break;
            }

            // The innermost element holding the text: one whose only child element holds all of it gives way to the child.
            if (element.Children.Length == 1 && element.Children[0].TextContent.Trim() == element.TextContent.Trim())
            {
                continue;
            }

            yield return element;
        }
    }

    /// <summary>The zone of the site's country (its top-level domain), else of its language; null when neither names one.</summary>
    public static string? ZoneFor(string host, string? culture)
    {
        var tld = host.TrimEnd('.').Split('.')[^1];
        if (CountryZones.TryGetValue(tld, out var zone))
        {
            return zone;
        }

        var primary = culture?.Split('-', '_')[0];
        return primary is not null && LanguageZones.TryGetValue(primary, out var byLanguage) ? byLanguage : null;
    }

    /// <summary>
    /// The zone to read a site's offset-less dates in: the country's or language's zone when its
    /// offset at <paramref name="value"/> is the offset the page wrote; null when the page wrote
    /// UTC or the zone does not fit.
    /// </summary>
    public static string? ZoneShownBy(DateTimeOffset value, string host, string? culture)
    {
        if (value.Offset == TimeSpan.Zero || ZoneFor(host, culture) is not { } id || !DateParser.TryFindTimeZone(id, out var zone))
        {
            return null;
        }

        return zone.GetUtcOffset(value.UtcDateTime) == value.Offset ? id : null;
    }
}
