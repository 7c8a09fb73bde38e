using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;

namespace NewsRules.Dates;

/// <summary>
/// Reads a value with one of the simple custom formats the rules write (<c>MMMM d, yyyy h:mm tt</c>,
/// <c>yyyy年M月d日</c>, <c>ddd MMM dd HH:mm:ss 'EDT' yyyy</c>…) the way
/// <c>DateTimeOffset.TryParseExact(value, format, culture, AllowWhiteSpaces | AssumeUniversal)</c>
/// reads it, without going through it.
/// </summary>
/// <remarks>
/// Why: <c>TryParseExact</c> compares each month, day and AM/PM name of the culture with the value
/// through culture-aware, case-insensitive ICU comparisons, a dozen or more per value, and that was
/// most of what dates cost an extraction (see docs/performance.md, fourth and sixth rounds). This
/// reader follows the same steps (white space skipped before every format element, digits read
/// greedily, the longest month or day name taken, genitive month names only when strictly
/// longer, the weekday checked against the date) but only where its answer provably agrees:
/// <list type="bullet">
/// <item>formats made only of <c>yyyy</c>, <c>M</c>–<c>MMMM</c>, <c>d</c>–<c>dddd</c>, <c>h</c>/<c>hh</c> with
/// <c>tt</c>, <c>H</c>/<c>HH</c>, <c>m</c>/<c>mm</c>, <c>s</c>/<c>ss</c>, quoted literals without white space or
/// offset letters, spaces and punctuation or non-Latin literals (年, 月…); a year, a month and a numeric day
/// each exactly once; anything else (<c>/</c>, <c>:</c> unless the culture's separators are those
/// characters, escapes, offsets, fractions, two-digit years) has no reader;</item>
/// <item>names only from cultures whose month, day and AM/PM names are plain ASCII letters, and then
/// only for values that are all ASCII: for those, ICU's case-insensitive comparison and an ASCII
/// one agree; any other value gets <see cref="Outcome.Unknown"/>.</item>
/// </list>
/// The caller falls back to <c>TryParseExact</c> on <see cref="Outcome.Unknown"/>.
/// <c>CultureDateReaderTests</c> hold the reader against <c>TryParseExact</c> on tens of thousands
/// of values built from the formats, in every culture the rules use, with random noise.
/// </remarks>
internal sealed class CultureDateReader
{
    // Formats come from rule files; the cap only guards the cache against abuse.
    private const int MaxCachedFormats = 1024;

    private static readonly ConcurrentDictionary<CultureInfo, ConcurrentDictionary<string, CultureDateReader?>> Cache =
        new(ReferenceEqualityComparer.Instance);

    private readonly Element[] elements;
    private readonly Names? names;

    private CultureDateReader(Element[] elements, Names? names)
    {
        this.elements = elements;
        this.names = names;
    }

    /// <summary>What <see cref="Read"/> found.</summary>
    internal enum Outcome
    {
        /// <summary><c>TryParseExact</c> would fail.</summary>
        NotParsed,

        /// <summary><c>TryParseExact</c> would succeed with this clock time.</summary>
        Parsed,

        /// <summary>The reader cannot tell: ask <c>TryParseExact</c>.</summary>
        Unknown,
    }

    private enum Kind
    {
        Space,
        Literal,
        Year,
        Month,
        MonthAbbreviation,
        MonthName,
        Day,
        DayAbbreviation,
        DayName,
        Hour12,
        Hour24,
        Minute,
        Second,
        TimeMark,
    }

    /// <summary>
    /// The reader for <paramref name="format"/> in <paramref name="culture"/> (cached), or null when
    /// the format or the culture is outside what it provably reads like <c>TryParseExact</c>.
    /// </summary>
    public static CultureDateReader? For(string format, CultureInfo culture)
    {
        var formats = Cache.GetOrAdd(culture, static _ => new ConcurrentDictionary<string, CultureDateReader?>(StringComparer.Ordinal));
        if (formats.TryGetValue(format, out var cached))
        {
            return cached;
        }

        var reader = Build(format, culture.DateTimeFormat);
        if (formats.Count < MaxCachedFormats)
        {
            formats.TryAdd(format, reader);
        }

        return reader;
    }

    /// <summary>
    /// Reads <paramref name="input"/> as <c>TryParseExact</c> with <c>AllowWhiteSpaces</c> does; the
    /// clock time has <see cref="DateTimeKind.Unspecified"/> (the formats read no offset).
    /// </summary>
    public Outcome Read(string input, out DateTime clock)
    {
        clock = default;
        if (names is not null && !System.Text.Ascii.IsValid(input))
        {
            return Outcome.Unknown;
        }

        int year = -1, month = -1, day = -1, weekday = -1, hour = 0, minute = 0, second = 0, mark = -1;
        var i = 0;
        foreach (var element in elements)
        {
            while (i < input.Length && char.IsWhiteSpace(input[i]))
            {
                i++;
            }

            switch (element.Kind)
            {
                case Kind.Space:
                    break;
                case Kind.Literal:
                    if (!input.AsSpan(i).StartsWith(element.Text, StringComparison.Ordinal))
                    {
                        return Outcome.NotParsed;
                    }

                    i += element.Text.Length;
                    break;
                case Kind.MonthAbbreviation or Kind.MonthName or Kind.DayAbbreviation or Kind.DayName or Kind.TimeMark:
                    var (index, length) = names!.Match(element.Kind, input, i);
                    if (index < 0)
                    {
                        return Outcome.NotParsed;
                    }

                    i += length;
                    if (element.Kind is Kind.MonthAbbreviation or Kind.MonthName)
                    {
                        month = index + 1;
                    }
                    else if (element.Kind == Kind.TimeMark)
                    {
                        mark = index;
                    }
                    else
                    {
                        weekday = index;
                    }

                    break;
                default:
                    // Digits, greedily: at least MinDigits, at most MaxDigits, ASCII only.
                    var value = 0;
                    var count = 0;
                    while (count < element.MaxDigits && i < input.Length && char.IsAsciiDigit(input[i]))
                    {
                        value = (value * 10) + (input[i++] - '0');
                        count++;
                    }

                    if (count < element.MinDigits)
                    {
                        return Outcome.NotParsed;
                    }

                    switch (element.Kind)
                    {
                        case Kind.Year: year = value; break;
                        case Kind.Month: month = value; break;
                        case Kind.Day: day = value; break;
                        case Kind.Minute: minute = value; break;
                        case Kind.Second: second = value; break;
                        default: hour = value; break;
                    }

                    break;
            }
        }

        while (i < input.Length && char.IsWhiteSpace(input[i]))
        {
            i++;
        }

        if (i < input.Length)
        {
            return Outcome.NotParsed;
        }

        if (mark >= 0)
        {
            // As TryParseExact: past 12 the mark is invalid; 12 AM is midnight, PM adds 12 except to 12.
            if (hour > 12)
            {
                return Outcome.NotParsed;
            }

            hour = mark == 0 ? (hour == 12 ? 0 : hour) : (hour == 12 ? 12 : hour + 12);
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return Outcome.NotParsed;
        }

        clock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return weekday < 0 || (int)clock.DayOfWeek == weekday ? Outcome.Parsed : Outcome.NotParsed;
    }

    private static CultureDateReader? Build(string format, DateTimeFormatInfo info)
    {
        // The reader counts Gregorian years, months and days (DateParser gives it Gregorian cultures only).
        if (info.Calendar is not GregorianCalendar)
        {
            return null;
        }

        var elements = new List<Element>();
        bool hasYear = false, hasMonth = false, hasDay = false, hasWeekday = false, hasHour = false, hasMinute = false,
            hasSecond = false, hasMark = false, twelveHour = false, usesNames = false;
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c)
            {
                run++;
            }

            switch (c)
            {
                case 'y' when run == 4 && !hasYear:
                    hasYear = true;
                    elements.Add(Element.Digits(Kind.Year, 4, 4));
                    break;
                case 'M' when !hasMonth:
                    hasMonth = true;
                    usesNames |= run >= 3;
                    elements.Add(run switch
                    {
                        1 => Element.Digits(Kind.Month, 1, 2),
                        2 => Element.Digits(Kind.Month, 2, 2),
                        3 => new Element(Kind.MonthAbbreviation),
                        _ => new Element(Kind.MonthName),
                    });
                    break;
                case 'd' when run <= 2 && !hasDay:
                    hasDay = true;
                    elements.Add(Element.Digits(Kind.Day, run, 2));
                    break;
                case 'd' when run >= 3 && !hasWeekday:
                    hasWeekday = true;
                    usesNames = true;
                    elements.Add(new Element(run == 3 ? Kind.DayAbbreviation : Kind.DayName));
                    break;
                case 'h' or 'H' when run <= 2 && !hasHour:
                    hasHour = true;
                    twelveHour = c == 'h';
                    elements.Add(Element.Digits(c == 'h' ? Kind.Hour12 : Kind.Hour24, run, 2));
                    break;
                case 'm' when run <= 2 && !hasMinute:
                    hasMinute = true;
                    elements.Add(Element.Digits(Kind.Minute, run, 2));
                    break;
                case 's' when run <= 2 && !hasSecond:
                    hasSecond = true;
                    elements.Add(Element.Digits(Kind.Second, run, 2));
                    break;
                case 't' when run == 2 && !hasMark:
                    hasMark = true;
                    usesNames = true;
                    elements.Add(new Element(Kind.TimeMark));
                    break;
                case '\'':
                    var end = format.IndexOf('\'', i + 1);
                    if (end < 0 || !IsPlainLiteral(format.AsSpan(i + 1, end - i - 1)))
                    {
                        return null;
                    }

                    if (end > i + 1)
                    {
                        elements.Add(Element.Literal(format.Substring(i + 1, end - i - 1)));
                    }

                    run = end - i + 1;
                    break;
                case ' ':
                    run = 1;
                    elements.Add(new Element(Kind.Space));
                    break;
                case '/' when info.DateSeparator == "/":
                case ':' when info.TimeSeparator == ":":
                case var other when IsPlainLiteral(other) && !char.IsAsciiLetter(other) && other is not ('/' or ':'):
                    run = 1;
                    elements.Add(Element.Literal(c.ToString()));
                    break;
                default:
                    return null;
            }

            i += run;
        }

        // Without a year, month or day TryParseExact fills in defaults (this year…); a 12-hour clock
        // without its mark reads as AM and a mark without a 12-hour clock is an odd case: none of these are read here.
        if (!hasYear || !hasMonth || !hasDay || twelveHour != hasMark)
        {
            return null;
        }

        Names? names = null;
        if (usesNames && !Names.TryCreate(info, out names))
        {
            return null;
        }

        return new CultureDateReader(elements.ToArray(), names);
    }

    // No white space (TryParseExact skips it inside quotes), no quote, no escape, no format
    // characters that mean something unquoted, and none of the letters that read an offset.
    private static bool IsPlainLiteral(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsPlainLiteral(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlainLiteral(char c) =>
        !char.IsWhiteSpace(c) && !char.IsControl(c) && !char.IsSurrogate(c)
        && c is not ('\'' or '"' or '\\' or '%' or 'z' or 'Z' or 'K' or 'G' or 'g');

    private readonly struct Element
    {
        public Element(Kind kind)
        {
            Kind = kind;
            Text = string.Empty;
        }

        public Kind Kind { get; init; }

        public string Text { get; init; }

        public int MinDigits { get; init; }

        public int MaxDigits { get; init; }

        public static Element Digits(Kind kind, int min, int max) => new(kind) { MinDigits = min, MaxDigits = max };

        public static Element Literal(string text) => new(Kind.Literal) { Text = text };
    }

    /// <summary>The culture's month, day and AM/PM names, when every one of them is plain ASCII letters.</summary>
    private sealed class Names
    {
        private readonly string[] months;
        private readonly string[] monthAbbreviations;
        private readonly string[] genitiveMonths;
        private readonly string[] genitiveMonthAbbreviations;
        private readonly string[] days;
        private readonly string[] dayAbbreviations;
        private readonly string[] marks;

        // Genitive names are always searched: TryParseExact searches them when they differ from
        // the plain ones (its UseGenitiveMonth flag), and takes one only when strictly longer, which
        // a name equal to a plain one never is.
        private Names(DateTimeFormatInfo info)
        {
            months = info.MonthNames[..12];
            monthAbbreviations = info.AbbreviatedMonthNames[..12];
            genitiveMonths = info.MonthGenitiveNames[..12];
            genitiveMonthAbbreviations = info.AbbreviatedMonthGenitiveNames[..12];
            days = info.DayNames;
            dayAbbreviations = info.AbbreviatedDayNames;
            marks = [info.AMDesignator, info.PMDesignator];
        }

        public static bool TryCreate(DateTimeFormatInfo info, out Names? names)
        {
            names = null;

            // A thirteenth month belongs to other calendars.
            if (info.MonthNames[12].Length != 0 || info.AbbreviatedMonthNames[12].Length != 0)
            {
                return false;
            }

            var candidate = new Names(info);
            foreach (var table in candidate.Tables())
            {
                foreach (var name in table)
                {
                    if (name.Length == 0 || !IsAsciiLetters(name))
                    {
                        return false;
                    }
                }
            }

            names = candidate;
            return true;
        }

        /// <summary>Which name <c>TryParseExact</c> takes at <paramref name="start"/> (its index, its length), or index -1.</summary>
        public (int Index, int Length) Match(Kind kind, string input, int start)
        {
            var rest = input.AsSpan(start);
            return kind switch
            {
                Kind.MonthName => Longest(rest, months, genitiveMonths),
                Kind.MonthAbbreviation => Longest(rest, monthAbbreviations, genitiveMonthAbbreviations),
                Kind.DayName => Longest(rest, days, null),
                Kind.DayAbbreviation => Longest(rest, dayAbbreviations, null),
                _ => First(rest, marks),
            };
        }

        private static bool IsAsciiLetters(string name)
        {
            foreach (var c in name)
            {
                if (!char.IsAsciiLetter(c))
                {
                    return false;
                }
            }

            return true;
        }

        private IEnumerable<string[]> Tables()
        {
            yield return months;
            yield return monthAbbreviations;
            yield return days;
            yield return dayAbbreviations;
            yield return marks;
            yield return genitiveMonths;
            yield return genitiveMonthAbbreviations;
        }

        // The first of the longest names that start the text; a genitive name only when strictly longer.
        private static (int Index, int Length) Longest(ReadOnlySpan<char> text, string[] names, string[]? genitive)
        {
            int index = -1, length = 0;
            Longer(text, names, ref index, ref length);
            if (genitive is not null)
            {
                Longer(text, genitive, ref index, ref length);
            }

            return (index, length);
        }

        private static void Longer(ReadOnlySpan<char> text, string[] names, ref int index, ref int length)
        {
            for (var k = 0; k < names.Length; k++)
            {
                var name = names[k];
                if (name.Length > length && text.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    index = k;
                    length = name.Length;
                }
            }
        }

        // AM before PM, as TryParseExact tries them.
        private static (int Index, int Length) First(ReadOnlySpan<char> text, string[] names)
        {
            for (var k = 0; k < names.Length; k++)
            {
                if (text.StartsWith(names[k], StringComparison.OrdinalIgnoreCase))
                {
                    return (k, names[k].Length);
                }
            }

            return (-1, 0);
        }
    }
}
