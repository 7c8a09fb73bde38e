using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsRules.Generic;

/// <summary>
/// Dates written for people, as bylines and URLs show them: "27.01.2020", "27. Januar 2020",
/// "January 27, 2020", "27 janvier 2020", "2020/01/27" in a path. Month names of the languages
/// the fallback meets most (English, German, French, Spanish, Italian, Dutch, Portuguese) are
/// built in, so the result does not depend on the machine's culture data.
/// </summary>
internal static partial class DateText
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    /// <summary>
    /// The first date written in <paramref name="text"/>, with the time of day written after it, or
    /// null. Where the text names no zone, the date is read in <paramref name="zone"/> (default UTC).
    /// </summary>
    public static DateTimeOffset? Find(string text, TimeSpan zone = default)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            foreach (Match match in Written().Matches(text))
            {
                if (TryRead(match, out var date))
                {
                    return WithTime(date, text, match.Index + match.Length, zone);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // The engine's patterns carry no timeout (BuiltInPatternTests); this only fires when the
            // host process sets a default one (REGEX_DEFAULT_MATCH_TIMEOUT): no date rather than a throw.
        }

        return null;
    }

    /// <summary>
    /// True for a line that is only a date or time ("23.10.2018", "Dienstag, 4. Juni 2019",
    /// "05:28 Uhr", "Jan 3, 2020 | 10:15"): digits, separators, month and weekday names and at
    /// most a few other letters ("Uhr", "am", "um").
    /// </summary>
    public static bool IsDateOnly(string text)
    {
        // Up to two dates and their labels: "Dec. 13, 2016, 12:31 PM UTC / Updated Dec. 13, 2016, 6:06 PM UTC".
        if (text.Length > 100)
        {
            return false;
        }

        // At least three digits, counted first: most short lines have none, and the words below
        // cost a string each. (Letters are never digits, so the count is the one below.)
        var digitCount = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                digitCount++;
            }
        }

        return digitCount >= 3 && IsDateOnlyByWords(text);
    }

    /// <summary>The test of <see cref="IsDateOnly"/> without its digit count first (the reference it keeps to).</summary>
    internal static bool IsDateOnlyByWords(string text)
    {
        if (text.Length > 100)
        {
            return false;
        }

        var digits = 0;
        var other = 0;
        var word = new System.Text.StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                var w = word.ToString();
                if (!Months.ContainsKey(w) && !Weekdays.Contains(w))
                {
                    other += w.Length;
                }

                word.Clear();
            }

            if (char.IsDigit(c))
            {
                digits++;
            }
        }

        return digits >= 3 && other <= 4 && (Find(text) is not null || Time().IsMatch(text));
    }

    [GeneratedRegex(@"(?<![\d.,])[0-2]?\d:[0-5]\d(?!\d)|(?<![\d.,])[0-2]?\d\.[0-5]\d\s?(?:uhr|h)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Time();

    private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend", "mo", "di", "mi", "do", "fr", "sa", "so",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "uhr", "am", "pm", "um", "at", "de", "del", "le",

        // Labels and zones of a date line: "Updated: Dec 15, 2016 2:57 PM UTC", "Stand: 04.02.2022", "最終更新日：2019年4月2日".
        "updated", "update", "published", "posted", "aktualisiert", "veröffentlicht", "stand", "publié", "mis", "jour", "publicado", "actualizado",
        "utc", "gmt", "est", "edt", "pst", "pdt", "cet", "cest", "mez", "mesz", "bst", "jst",
        "年", "月", "日", "時", "分", "最終更新日", "更新日", "公開日", "投稿日", "掲載日", "配信",
    };

    /// <summary>A date in a URL path: /2019/08/02/, /2019-08-02, /20190802, or /2019/08/ (day 1 is not guessed: null).</summary>
    public static DateTimeOffset? FromUrl(Uri url, TimeSpan zone = default)
    {
        var match = UrlDate().Match(url.AbsolutePath);
        if (match.Success
            && int.TryParse(match.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(match.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(match.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            return Make(y, m, d) is { } day ? new DateTimeOffset(day.DateTime, zone) : null;
        }

        return null;
    }

    /// <summary>
    /// The date with the time of day written right after it ("Dec 15, 2016 2:57 PM UTC",
    /// "27.01.2020, 14:30 Uhr", "2019年3月15日 09:43"), in the zone it names (UTC, GMT, Z, ±hh:mm)
    /// or, naming none, in <paramref name="zone"/>; the date alone (midnight in <paramref name="zone"/>) when no time follows.
    /// </summary>
    private static DateTimeOffset WithTime(DateTimeOffset date, string text, int end, TimeSpan zone)
    {
        var time = TimeAfter().Match(text, end, Math.Min(40, text.Length - end));
        date = new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, zone);
        if (!time.Success)
        {
            return date;
        }

        var hour = Int(time.Groups["h"].Value);
        var minute = Int(time.Groups["min"].Value);
        var second = time.Groups["s"].Success ? Int(time.Groups["s"].Value) : 0;
        if (time.Groups["ampm"].Success && hour is >= 1 and <= 12)
        {
            // ("14:30 am Montag" is German, not a.m.: a 24-hour time keeps its hour.)
            var pm = char.ToLowerInvariant(time.Groups["ampm"].Value[0]) == 'p';
            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return date;
        }

        var offset = time.Groups["utc"].Success ? TimeSpan.Zero : zone;
        if (time.Groups["oh"].Success)
        {
            offset = new TimeSpan(Int(time.Groups["oh"].Value), Int(time.Groups["om"].Value), 0);
            if (offset > TimeSpan.FromHours(14))
            {
                return date;
            }

            offset = time.Groups["sign"].Value == "-" ? -offset : offset;
        }

        return new DateTimeOffset(date.Year, date.Month, date.Day, hour, minute, second, offset);
    }

    private static bool TryRead(Match match, out DateTimeOffset date)
    {
        date = default;
        int y, m, d;
        if (match.Groups["jy"].Success)
        {
            y = Int(match.Groups["jy"].Value);
            m = Int(match.Groups["jm"].Value);
            d = Int(match.Groups["jd"].Value);
        }
        else if (match.Groups["iy"].Success)
        {
            y = Int(match.Groups["iy"].Value);
            m = Int(match.Groups["im"].Value);
            d = Int(match.Groups["id"].Value);
        }
        else if (match.Groups["ny"].Success)
        {
            y = Year(match.Groups["ny"].Value);
            m = Int(match.Groups["nm"].Value);
            d = Int(match.Groups["nd"].Value);
            if (match.Groups["sep"].Value == "/" && m > 12 && d <= 12)
            {
                // 01/27/2020 is American; 27/01/2020 is not. Only an impossible month decides.
                (m, d) = (d, m);
            }
        }
        else if (match.Groups["dm"].Success)
        {
            d = Int(match.Groups["dd"].Value);
            y = Year(match.Groups["dy"].Value);
            if (!Months.TryGetValue(match.Groups["dm"].Value.TrimEnd('.').ToLowerInvariant(), out m))
            {
                return false;
            }
        }
        else if (match.Groups["mm"].Success)
        {
            d = Int(match.Groups["md"].Value);
            y = Year(match.Groups["my"].Value);
            if (!Months.TryGetValue(match.Groups["mm"].Value.TrimEnd('.').ToLowerInvariant(), out m))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        var made = Make(y, m, d);
        if (made is null)
        {
            return false;
        }

        date = made.Value;
        return true;
    }

    private static DateTimeOffset? Make(int y, int m, int d)
    {
        if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }

        return new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>
    /// The number a run of digits writes. The patterns' <c>\d</c> matches any script's decimal
    /// digits ("٣ January 2018"), which <c>int.Parse</c> refuses: each digit is read by its value.
    /// </summary>
    private static int Int(string s)
    {
        var value = 0;
        foreach (var c in s)
        {
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            value = (value * 10) + (digit < 0 ? 0 : digit);
        }

        return value;
    }

    private static int Year(string s)
    {
        var y = Int(s);
        return s.Length == 2 ? 2000 + y : y;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        string[][] languages =
        {
            new[] { "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december" },
            new[] { "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember" },
            new[] { "jänner", "feber", "maerz" },
            new[] { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre" },
            new[] { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre" },
            new[] { "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre" },
            new[] { "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december" },
            new[] { "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro" },
        };
        foreach (var names in languages)
        {
            if (names.Length == 3)
            {
                // Austrian and ASCII spellings: January, February, March.
                for (var i = 0; i < 3; i++)
                {
                    table.TryAdd(names[i], i + 1);
                }

                continue;
            }

            for (var i = 0; i < 12; i++)
            {
                table.TryAdd(names[i], i + 1);
                if (names[i].Length > 3)
                {
                    table.TryAdd(names[i].Substring(0, 3), i + 1);
                    if (names[i].Length > 4)
                    {
                        table.TryAdd(names[i].Substring(0, 4), i + 1);
                    }
                }
            }
        }

        table["sept"] = 9;
        table["setiembre"] = 9;
        return table;
    }

    // ISO (2020-01-27), numeric (27.01.2020, 27/01/2020, 27.1.20), day-month-year with a month name
    // (27. Januar 2020, 27 janvier 2020, 27 de enero de 2020), month-day-year (January 27, 2020) and
    // Japanese and Chinese year-month-day (2019年4月3日).
    [GeneratedRegex(
        @"(?<![\d.])(?:(?<jy>(?:19|20)\d\d)\s*年\s*(?<jm>[01]?\d)\s*月\s*(?<jd>[0-3]?\d)\s*日" +
        @"|(?<iy>(?:19|20)\d\d)-(?<im>[01]?\d)-(?<id>[0-3]?\d)(?!\d)" +
        @"|(?<nd>[0-3]?\d)(?<sep>[./])(?<nm>[01]?\d)\k<sep>(?<ny>(?:19|20)\d\d|\d\d)(?![\d])" +
        @"|(?<dd>[0-3]?\d)\.?\s*(?:de\s+)?(?<dm>\p{L}{3,10}\.?)(?>\s*)(?:de(?>\s+))?,?\s*(?<dy>(?:19|20)\d\d)(?!\d)" +
        @"|(?<mm>\p{L}{3,10}\.?)\s+(?<md>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<my>(?:19|20)\d\d)(?!\d))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Written();

    // A time right after a date: "2:57 PM UTC", ", 14:30 Uhr", " um 14.30 Uhr", " at 9:05 am", "T14:30:00+02:00", " 09時43分".
    [GeneratedRegex(
        @"\G(?:\s*(?:[,|–—-]|\(|\bat\b|\bum\b|\bà\b|\ba las\b|\balle\b|\bom\b|\bkl\.?|T)?\s*)" +
        @"(?<h>[0-2]?\d)(?:(?::|時\s*)(?<min>[0-5]\d)(?::(?<s>[0-5]\d))?(?:\s*分)?|\.(?<min>[0-5]\d)(?=\s*(?:uhr|h)\b))(?!\d)" +
        @"(?:\s*(?<ampm>[ap])\.?\s?m\b\.?)?(?:\s*(?:uhr|h)\b)?" +
        @"(?:\s*(?:(?<utc>utc|gmt|z)\b)?\s*(?:(?<sign>[+-])(?<oh>[01]\d):?(?<om>[0-5]\d)(?!\d))?)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TimeAfter();

    [GeneratedRegex(
        @"/(?<y>(?:19|20)\d\d)[/_-]?(?<m>[01]\d)[/_-]?(?<d>[0-3]\d)(?:[/_.-]|$)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlDate();
}
