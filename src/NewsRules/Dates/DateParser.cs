using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsRules.Dates;

/// <summary>
/// Turns the published-date strings found in news pages (meta tags, JSON-LD, visible bylines) into
/// <see cref="DateTimeOffset"/> values with the right offset.
/// </summary>
internal static partial class DateParser
{
    // Real date strings are short; anything longer is not a date and must not cost us regex or parse time.
    private const int MaxValueLength = 200;

    // Culture names come from rule files, so the set is small; the cap only guards against abuse.
    private const int MaxCachedCultures = 256;

    private static readonly string[] MonthAbbreviations =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] DayAbbreviations = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    // null value = the culture is unknown (cached so a bad name is not looked up on every value).
    private static readonly ConcurrentDictionary<string, CultureInfo?> Cultures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Parses a published-date value as found in a page.
    /// Order: (1) Unix epoch: an all-digit value (after digit normalization) of 9-11 digits = seconds,
    /// 12-14 digits = milliseconds, UTC. (2) ISO 8601 / RFC 3339 forms and RFC 1123, invariant culture.
    /// (3) each of <paramref name="formats"/> in order with <paramref name="culture"/>.
    /// A value without an offset is read in <paramref name="zone"/>, or in UTC when zone is null;
    /// <paramref name="assumedUtc"/> is true only in that last case. Never throws.
    /// </summary>
    public static bool TryParse(
        string? value,
        IReadOnlyList<string> formats,
        string? culture,
        TimeZoneInfo? zone,
        out DateTimeOffset result,
        out bool assumedUtc)
    {
        result = default;
        assumedUtc = false;

        var text = Normalize(value);
        if (text is null)
        {
            return false;
        }

        if (TryParseEpoch(text, out result))
        {
            return true;
        }

        if (TryParseIso(text, zone, out result, out assumedUtc) || TryParseRfc1123(text, out result))
        {
            return true;
        }

        return TryParseFormats(text, formats, culture, zone, out result, out assumedUtc);
    }

    /// <summary>IANA zone id lookup (also accepts "UTC"); false when the id is unknown on this machine.</summary>
    public static bool TryFindTimeZone(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        var trimmed = id.Trim();
        if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(trimmed);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException
                                      or SecurityException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="culture"/> names a culture this machine knows. Arabic cultures ("ar",
    /// "ar-XX") are always known because they are handled by our own month table, not by .NET.
    /// Empty means the invariant culture, which is always known.
    /// </summary>
    public static bool IsKnownCulture(string culture)
    {
        if (culture is null)
        {
            return false;
        }

        return ArabicDateText.IsArabicCulture(culture) || ResolveCulture(culture) is not null;
    }

    /// <summary>
    /// Trims, maps Arabic-Indic and Extended Arabic-Indic digits to ASCII, drops invisible direction
    /// marks and collapses whitespace runs (including NBSP and narrow NBSP) to one space.
    /// Returns null for values that cannot be a date: null, blank, or longer than <see cref="MaxValueLength"/>.
    /// </summary>
    private static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        // Span trim: no copy of a huge input just to find out it is too long.
        var span = value.AsSpan().Trim();
        if (span.IsEmpty || span.Length > MaxValueLength)
        {
            return null;
        }

        var builder = new StringBuilder(span.Length);
        var pendingSpace = false;
        foreach (var c in span)
        {
            if (IsInvisibleMark(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ToAsciiDigit(c));
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    // Direction marks and zero-width characters are invisible on the page but break exact parsing; pages
    // in right-to-left languages sprinkle them around numbers whatever the rule's culture is.
    private static bool IsInvisibleMark(char c) =>
        c is '\u061C' or '\u200B' or '\u200E' or '\u200F' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    private static char ToAsciiDigit(char c) => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => c,
    };

    private static bool TryParseEpoch(string text, out DateTimeOffset result)
    {
        result = default;
        if (text.Length is < 9 or > 14 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        // 14 digits of milliseconds (year ~5138) is well inside DateTimeOffset's range, so these cannot throw.
        var number = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        result = text.Length <= 11
            ? DateTimeOffset.FromUnixTimeSeconds(number)
            : DateTimeOffset.FromUnixTimeMilliseconds(number);
        return true;
    }

    /// <summary>
    /// ISO 8601 / RFC 3339: date, optional time ('T', 't' or space), optional seconds and fraction
    /// (up to 9 digits, nanoseconds truncated to ticks), optional offset (Z, ±HH, ±HHmm, ±HH:mm, ±Hmm as
    /// some CMSs print it ("-500"), or the
    /// "UTC"/"GMT" suffix some sites print). A space before the offset is tolerated.
    /// </summary>
    [GeneratedRegex(
        "^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})"
        + "(?:[T ](?<h>[0-9]{2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,](?<f>[0-9]{1,9}))?)?"
        + "(?:[ ]?(?:(?<utc>Z|UTC|GMT)|(?<sign>[+-])(?:(?<oh>[0-9]{2})(?::?(?<om>[0-9]{2}))?|(?<oh>[0-9])(?<om>[0-9]{2}))))?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex IsoPattern();

    /// <summary>
    /// RFC 1123 / RFC 822 as used by HTTP headers and RSS: optional weekday, 1-2 digit day, English month
    /// abbreviation, optional seconds, and GMT/UT/UTC/Z, a ±HHmm offset or a North American zone letter code.
    /// </summary>
    [GeneratedRegex(
        "^(?:(?<wd>[A-Z]{3}),?[ ])?(?<d>[0-9]{1,2})[ ](?<mo>[A-Z]{3})[ ](?<y>[0-9]{4})[ ]"
        + "(?<h>[0-9]{2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2}))?[ ]"
        + "(?:(?<utc>GMT|UTC|UT|Z)|(?<named>[ECMP][SD]T)|(?<sign>[+-])(?<oh>[0-9]{2})(?<om>[0-9]{2}))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Rfc1123Pattern();

    private static bool TryParseIso(string text, TimeZoneInfo? zone, out DateTimeOffset result, out bool assumedUtc)
    {
        if (TryParseCommonIso(text, zone, out result, out assumedUtc))
        {
            return true;
        }

        result = default;
        assumedUtc = false;

        var match = IsoPattern().Match(text);
        if (!match.Success || !TryBuildClock(match, out var clock))
        {
            return false;
        }

        if (match.Groups["utc"].Success)
        {
            return TryCreate(clock, TimeSpan.Zero, out result);
        }

        if (match.Groups["sign"].Success)
        {
            return TryReadOffset(match, out var offset) && TryCreate(clock, offset, out result);
        }

        return TryReadInZone(clock, zone, out result, out assumedUtc);
    }

    /// <summary>
    /// The shapes nearly every page prints, read without the regex (whose match and named
    /// groups cost about 10 µs and 1.8 KB a value): <c>yyyy-MM-dd</c>, optionally <c>T</c> (or
    /// <c>t</c> or a space) <c>HH:mm</c>, optional <c>:ss</c> with an optional 1–9 digit
    /// fraction, then optionally <c>Z</c> or <c>±HH:mm</c> / <c>±HHmm</c> / <c>±HH</c> right after.
    /// Only a fast path: false for anything else, and for values out of range, so that
    /// <see cref="IsoPattern"/> decides those exactly as before. For the shapes it accepts, the
    /// regex has only one way to match, so both read the same numbers.
    /// </summary>
    private static bool TryParseCommonIso(string text, TimeZoneInfo? zone, out DateTimeOffset result, out bool assumedUtc)
    {
        result = default;
        assumedUtc = false;
        var s = text.AsSpan();
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var i = 10;
        if (i < s.Length)
        {
            if (s[i] is not ('T' or 't' or ' ') || s.Length < i + 6 || s[i + 3] != ':'
                || !TryDigits(s, i + 1, 2, out hour) || !TryDigits(s, i + 4, 2, out minute))
            {
                return false;
            }

            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!TryDigits(s, i + 1, 2, out second))
                {
                    return false;
                }

                i += 3;
                if (i < s.Length && s[i] is '.' or ',')
                {
                    var start = ++i;
                    while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 9)
                    {
                        i++;
                    }

                    var length = i - start;
                    if (length == 0 || (i < s.Length && char.IsAsciiDigit(s[i])))
                    {
                        return false;
                    }

                    // Up to 7 digits are ticks; digits past the 7th (nanoseconds) are cut.
                    for (var k = 0; k < 7; k++)
                    {
                        fraction = (fraction * 10) + (k < length ? s[start + k] - '0' : 0);
                    }
                }
            }
        }

        TimeSpan? offset = null;
        if (i < s.Length)
        {
            var rest = s[i..];
            if (rest is "Z" or "z")
            {
                offset = TimeSpan.Zero;
            }
            else if (rest[0] is '+' or '-' && TryCommonOffset(rest[1..], out var hours, out var minutes))
            {
                var value = new TimeSpan(hours, minutes, 0);
                if (minutes > 59 || value > TimeSpan.FromHours(14))
                {
                    return false;
                }

                offset = rest[0] == '-' ? value.Negate() : value;
            }
            else
            {
                return false;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var clock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        return offset is { } written ? TryCreate(clock, written, out result) : TryReadInZone(clock, zone, out result, out assumedUtc);
    }

    // ±HH, ±HHmm, ±HH:mm: the offsets the regex reads one way only (it reads ±Hmm and others too, via the slow path).
    private static bool TryCommonOffset(ReadOnlySpan<char> s, out int hours, out int minutes)
    {
        minutes = 0;
        return s.Length switch
        {
            2 => TryDigits(s, 0, 2, out hours),
            4 => TryDigits(s, 0, 2, out hours) && TryDigits(s, 2, 2, out minutes),
            5 => s[2] == ':' & TryDigits(s, 0, 2, out hours) & TryDigits(s, 3, 2, out minutes),
            _ => (hours = 0) != 0,
        };
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var k = start; k < start + count; k++)
        {
            if (!char.IsAsciiDigit(s[k]))
            {
                return false;
            }

            value = (value * 10) + (s[k] - '0');
        }

        return true;
    }

    private static bool TryParseRfc1123(string text, out DateTimeOffset result)
    {
        result = default;

        var match = Rfc1123Pattern().Match(text);
        if (!match.Success || !TryBuildClock(match, out var clock) || !WeekdayMatches(match, clock))
        {
            return false;
        }

        TimeSpan offset;
        if (match.Groups["utc"].Success)
        {
            offset = TimeSpan.Zero;
        }
        else if (match.Groups["named"].Success)
        {
            offset = NorthAmericanOffset(match.Groups["named"].ValueSpan);
        }
        else if (!TryReadOffset(match, out offset))
        {
            return false;
        }

        return TryCreate(clock, offset, out result);
    }

    // Like DateTime.ParseExact, a weekday that contradicts the date means the value is not trustworthy.
    private static bool WeekdayMatches(Match match, DateTime clock)
    {
        var weekday = match.Groups["wd"];
        return !weekday.Success
               || weekday.Value.Equals(DayAbbreviations[(int)clock.DayOfWeek], StringComparison.OrdinalIgnoreCase);
    }

    // RFC 822 section 5 zone names; only these four zones (standard and daylight) are defined there.
    private static TimeSpan NorthAmericanOffset(ReadOnlySpan<char> name)
    {
        var standardHours = char.ToUpperInvariant(name[0]) switch
        {
            'E' => -5,
            'C' => -6,
            'M' => -7,
            _ => -8,
        };
        var daylight = char.ToUpperInvariant(name[1]) == 'D' ? 1 : 0;
        return TimeSpan.FromHours(standardHours + daylight);
    }

    /// <summary>Validates and assembles the date/time groups shared by the ISO and RFC patterns.</summary>
    private static bool TryBuildClock(Match match, out DateTime clock)
    {
        clock = default;

        var year = ReadInt(match, "y");
        var month = ReadMonth(match.Groups["mo"].Value);
        var day = ReadInt(match, "d");
        var hour = ReadInt(match, "h");
        var minute = ReadInt(match, "mi");
        var second = ReadInt(match, "s");

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        clock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified)
            .AddTicks(ReadFractionTicks(match));
        return true;
    }

    // Missing optional groups (no time, no seconds) read as 0.
    private static int ReadInt(Match match, string group)
    {
        var g = match.Groups[group];
        return g.Success ? int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
    }

    // ISO has numeric months, RFC 1123 English abbreviations; 0 means "not a month".
    private static int ReadMonth(string text)
    {
        if (text.Length == 2 && char.IsAsciiDigit(text[0]))
        {
            return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var index = Array.FindIndex(MonthAbbreviations, m => m.Equals(text, StringComparison.OrdinalIgnoreCase));
        return index + 1;
    }

    // A fraction has up to 9 digits but a tick is 10^-7 s: pad or cut to exactly 7 digits.
    private static long ReadFractionTicks(Match match)
    {
        var fraction = match.Groups["f"];
        if (!fraction.Success)
        {
            return 0;
        }

        var digits = fraction.Value.Length > 7 ? fraction.Value[..7] : fraction.Value.PadRight(7, '0');
        return long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static bool TryReadOffset(Match match, out TimeSpan offset)
    {
        var hours = ReadInt(match, "oh");
        var minutes = ReadInt(match, "om");
        offset = new TimeSpan(hours, minutes, 0);
        if (minutes > 59 || offset > TimeSpan.FromHours(14))
        {
            return false;
        }

        if (match.Groups["sign"].Value == "-")
        {
            offset = offset.Negate();
        }

        return true;
    }

    private static bool TryParseFormats(
        string text,
        IReadOnlyList<string>? formats,
        string? culture,
        TimeZoneInfo? zone,
        out DateTimeOffset result,
        out bool assumedUtc)
    {
        result = default;
        assumedUtc = false;
        if (formats is null || formats.Count == 0)
        {
            return false;
        }

        // Arabic text is rewritten to English words and read invariantly (see ArabicDateText for why).
        var isArabic = ArabicDateText.IsArabicCulture(culture);
        var provider = isArabic ? CultureInfo.InvariantCulture : ResolveCulture(culture);
        if (provider is null)
        {
            return false;
        }

        var input = isArabic ? ArabicDateText.ToInvariant(text) : text;
        foreach (var format in formats)
        {
            if (TryParseExact(input, format, provider, zone, out result, out assumedUtc))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParseExact(
        string input,
        string? format,
        CultureInfo provider,
        TimeZoneInfo? zone,
        out DateTimeOffset result,
        out bool assumedUtc)
    {
        result = default;
        assumedUtc = false;
        if (string.IsNullOrEmpty(format))
        {
            return false;
        }

        // The simple formats the rules write are read by hand where that provably gives TryParseExact's answer.
        if (!MayReadOffset(format) && CultureDateReader.For(format, provider) is { } reader)
        {
            switch (reader.Read(input, out var clock))
            {
                case CultureDateReader.Outcome.Parsed:
                    return TryReadInZone(clock, zone, out result, out assumedUtc);
                case CultureDateReader.Outcome.NotParsed:
                    return false;
            }
        }

        try
        {
            // AssumeUniversal keeps the written clock time in parsed.DateTime when the value has no offset.
            if (!DateTimeOffset.TryParseExact(
                    input, format, provider, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return false;
            }

            if (MayReadOffset(format) && HasWrittenOffset(input, format, provider))
            {
                result = parsed;
                return true;
            }

            return TryReadInZone(parsed.DateTime, zone, out result, out assumedUtc);
        }
        catch (FormatException)
        {
            // A malformed custom format (e.g. a lone "%") throws even from TryParseExact.
            return false;
        }
    }

    /// <summary>
    /// False when <paramref name="format"/> cannot read an offset, so the value parsed with it
    /// carries none and <see cref="HasWrittenOffset"/> (a second parse of the value) can be skipped.
    /// Conservative: a custom format (two characters or more) with none of the letters that
    /// read an offset or a zone anywhere, quoted or not (<c>z</c>, <c>K</c>, <c>Z</c>, and the
    /// <c>G</c> of a literal GMT); standard formats (one character) always take the second parse.
    /// </summary>
    internal static bool MayReadOffset(string format) =>
        format.Length < 2 || format.AsSpan().IndexOfAny(OffsetLetters) >= 0;

    private static readonly SearchValues<char> OffsetLetters = SearchValues.Create("zZKGg");

    /// <summary>
    /// DateTimeOffset parsing cannot say whether the offset came from the value or from AssumeUniversal.
    /// DateTime parsing with RoundtripKind can: it yields Unspecified exactly when no offset was read.
    /// </summary>
    internal static bool HasWrittenOffset(string input, string format, CultureInfo provider)
    {
        var ok = DateTime.TryParseExact(
            input, format, provider, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var parsed);

        // Failure here while the DateTimeOffset parse succeeded can only come from converting an offset
        // value to machine-local time near DateTime's limits, so an offset was present.
        return !ok || parsed.Kind != DateTimeKind.Unspecified;
    }

    /// <summary>
    /// Gives a clock time without an offset the offset of <paramref name="zone"/> at that moment, or UTC.
    /// </summary>
    private static bool TryReadInZone(DateTime clock, TimeZoneInfo? zone, out DateTimeOffset result, out bool assumedUtc)
    {
        var local = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
        var offset = zone is null ? TimeSpan.Zero : ZoneOffset(zone, local);
        var created = TryCreate(local, offset, out result);
        assumedUtc = created && zone is null;
        return created;
    }

    /// <summary>
    /// GetUtcOffset reads an Unspecified time as local time in the zone and is documented to return the
    /// standard offset for a time skipped by a DST jump (invalid) or repeated by a fall-back (ambiguous),
    /// which is the choice we want. Historic local-mean-time offsets have seconds; DateTimeOffset only
    /// takes whole minutes, so those are truncated.
    /// </summary>
    private static TimeSpan ZoneOffset(TimeZoneInfo zone, DateTime local)
    {
        var offset = zone.GetUtcOffset(local);
        return TimeSpan.FromTicks(offset.Ticks - (offset.Ticks % TimeSpan.TicksPerMinute));
    }

    // The DateTimeOffset constructor throws when the offset moves the instant outside year 1..9999.
    private static bool TryCreate(DateTime clock, TimeSpan offset, out DateTimeOffset result)
    {
        var utcTicks = clock.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            result = default;
            return false;
        }

        result = new DateTimeOffset(clock, offset);
        return true;
    }

    /// <summary>
    /// The .NET culture for a non-Arabic culture name, forced onto the Gregorian calendar; null when the
    /// name is unknown. Blank means invariant.
    /// </summary>
    private static CultureInfo? ResolveCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return CultureInfo.InvariantCulture;
        }

        if (Cultures.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var resolved = LoadCulture(name);
        if (Cultures.Count < MaxCachedCultures)
        {
            Cultures.TryAdd(name, resolved);
        }

        return resolved;
    }

    private static CultureInfo? LoadCulture(string name)
    {
        CultureInfo culture;
        try
        {
            // predefinedOnly: with ICU, any well-formed name ("xx-nonsense") otherwise yields a made-up culture.
            culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }

        return culture.Calendar is GregorianCalendar ? culture : WithGregorianCalendar(culture);
    }

    /// <summary>
    /// News pages print Gregorian dates even where the culture's default calendar is not (th-TH is
    /// Buddhist, fa-IR Persian); parsing "2024" with those would land centuries off.
    /// </summary>
    private static CultureInfo? WithGregorianCalendar(CultureInfo culture)
    {
        // The Calendar setter only accepts one of the culture's optional calendars.
        var gregorian = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault();
        if (gregorian is null)
        {
            return null;
        }

        var clone = (CultureInfo)culture.Clone();
        clone.DateTimeFormat.Calendar = gregorian;
        return CultureInfo.ReadOnly(clone);
    }
}
