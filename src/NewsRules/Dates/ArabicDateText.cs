using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsRules.Dates;

/// <summary>
/// Rewrites Arabic date text into English words so it can be parsed with the invariant culture.
/// </summary>
/// <remarks>
/// .NET's Arabic cultures are unusable for this: ar-SA defaults to the Um Al-Qura calendar, and each
/// country's culture knows only its own month names (Egyptian يناير vs. Levantine كانون الثاني), while
/// news sites freely mix them. Translating the words and parsing invariantly sidesteps both problems.
/// </remarks>
internal static class ArabicDateText
{
    private const char Tatweel = '\u0640';
    private const char ArabicComma = '\u060C';

    // Every Arabic spelling we accept, mapped to the English name the invariant culture parses.
    private static readonly Dictionary<string, string> Words = BuildWordTable();

    // Longest names first so the two-word Levantine months (كانون الثاني) win over any shorter entry.
    private static readonly Regex WordPattern = BuildWordPattern(Words.Keys);

    // ص/م are AM/PM only as standalone tokens; inside a word they are ordinary letters. Directly after a
    // clock time ("03:30م") they are still the designator, but after any other number ("2024م", the
    // Gregorian-era marker) they are not, so a preceding digit only counts when it ends an HH:mm time.
    private static readonly Regex DesignatorPattern = new(
        @"(?:(?<time>(?<=[0-9]:[0-9]{2}))|(?<![\p{L}\p{Mn}\p{Nd}]))(?<mark>[صم])(?![\p{L}\p{Mn}\p{Nd}])",
        RegexOptions.CultureInvariant);

    /// <summary>True when <paramref name="culture"/> is Arabic ("ar" or "ar-XX"), which we never hand to .NET.</summary>
    public static bool IsArabicCulture(string? culture) =>
        culture is not null
        && culture.StartsWith("ar", StringComparison.OrdinalIgnoreCase)
        && (culture.Length == 2 || culture[2] is '-' or '_');

    /// <summary>Returns <paramref name="value"/> with Arabic month/weekday names, AM/PM marks and commas in English.</summary>
    public static string ToInvariant(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var cleaned = StripInvisibles(value);
        var words = WordPattern.Replace(cleaned, m => Words[CollapseSpaces(m.Value)]);
        return DesignatorPattern.Replace(words, ReplaceDesignator);
    }

    /// <summary>
    /// Removes characters that change how Arabic looks but not what it says: tatweel (ـ, used to stretch
    /// words), vowel marks (harakat) and the bidi marks pages insert around mixed-direction text.
    /// Without this "مـايو" or "مَايو" would not match the month table. The Arabic comma (،) becomes ","
    /// so formats can be written with an ordinary comma.
    /// </summary>
    private static string StripInvisibles(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == ArabicComma)
            {
                builder.Append(',');
            }
            else if (!IsIgnorable(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsIgnorable(char c) =>
        c == Tatweel
        || c is '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u064B' and <= '\u065F' // harakat and other combining Arabic marks
        || c == '\u0670'; // superscript alef

    private static string ReplaceDesignator(Match match)
    {
        var english = match.Groups["mark"].Value == "ص" ? "AM" : "PM";

        // "03:30م" becomes "03:30 PM" so a format written with a space ("hh:mm tt") still matches.
        return match.Groups["time"].Success ? " " + english : english;
    }

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Regex BuildWordPattern(IEnumerable<string> words)
    {
        var alternatives = words
            .OrderByDescending(w => w.Length)
            .Select(w => Regex.Escape(w).Replace("\\ ", @"\s+", StringComparison.Ordinal));

        // Letters and combining marks on either side mean we are inside a longer word: leave it alone.
        var pattern = @"(?<![\p{L}\p{Mn}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{Mn}])";
        return new Regex(pattern, RegexOptions.CultureInvariant);
    }

    private static Dictionary<string, string> BuildWordTable()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        AddMonths(table);
        AddWeekdays(table);
        return table;
    }

    private static void AddMonths(Dictionary<string, string> table)
    {
        // Egyptian / Gulf names (transliterated from the European months).
        Add(table, "January", "يناير");
        Add(table, "February", "فبراير");
        Add(table, "March", "مارس");
        Add(table, "April", "أبريل", "ابريل", "إبريل");
        Add(table, "May", "مايو");
        Add(table, "June", "يونيو", "يونيه");
        Add(table, "July", "يوليو", "يوليه");
        Add(table, "August", "أغسطس", "اغسطس");
        Add(table, "September", "سبتمبر");
        Add(table, "October", "أكتوبر", "اكتوبر");
        Add(table, "November", "نوفمبر");
        Add(table, "December", "ديسمبر");

        // Levantine / Iraqi (Syriac-derived) names.
        Add(table, "January", "كانون الثاني");
        Add(table, "February", "شباط");
        Add(table, "March", "آذار", "اذار");
        Add(table, "April", "نيسان");
        Add(table, "May", "أيار", "ايار");
        Add(table, "June", "حزيران");
        Add(table, "July", "تموز");
        Add(table, "August", "آب", "اب");
        Add(table, "September", "أيلول", "ايلول");
        Add(table, "October", "تشرين الأول", "تشرين الاول");
        Add(table, "November", "تشرين الثاني");
        Add(table, "December", "كانون الأول", "كانون الاول");

        // Maghrebi (French-derived) names used by Algerian, Tunisian and Moroccan sites. None of these
        // collide with the names above, and whole-word matching keeps them from touching other words.
        Add(table, "January", "جانفي");
        Add(table, "February", "فيفري");
        Add(table, "April", "أفريل", "افريل");
        Add(table, "May", "ماي");
        Add(table, "June", "جوان");
        Add(table, "July", "جويلية", "يوليوز");
        Add(table, "August", "أوت", "اوت", "غشت");
        Add(table, "September", "شتنبر");
        Add(table, "November", "نونبر");
        Add(table, "December", "دجنبر");
    }

    private static void AddWeekdays(Dictionary<string, string> table)
    {
        Add(table, "Sunday", "الأحد", "الاحد");
        Add(table, "Monday", "الإثنين", "الاثنين");
        Add(table, "Tuesday", "الثلاثاء");
        Add(table, "Wednesday", "الأربعاء", "الاربعاء");
        Add(table, "Thursday", "الخميس");
        Add(table, "Friday", "الجمعة");
        Add(table, "Saturday", "السبت");
    }

    private static void Add(Dictionary<string, string> table, string english, params string[] arabic)
    {
        foreach (var word in arabic)
        {
            table.Add(word, english);
        }
    }
}
