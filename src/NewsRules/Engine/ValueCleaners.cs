using System.Text.RegularExpressions;
using NewsRules.Text;
using NewsRules.Rules.Definition;

namespace NewsRules.Engine;

/// <summary>
/// The cleaners a rule names with <c>clean:</c>. <c>byline</c> is the generic extractor's byline
/// cleaning (<see cref="Bylines.CleanAuthor"/>: "By", "Von", "Par", "Por", "Autor:", a date
/// or a "| section" after the name), with the furniture it leaves to the page's own structure
/// removed first: Arabic and Chinese byline words (بقلم, كتب, 文/, 记者) and roles before or after
/// the name ("Staff Writer", "Reporter", "Correspondent").
/// </summary>
internal static partial class ValueCleaners
{
    /// <summary>The cleaned value, or null when nothing of it is left (or, for a byline, it names no one).</summary>
    public static string? Apply(string cleaner, string value) => cleaner switch
    {
        ValueOptions.Byline => Byline(value),
        _ => value,
    };

    public static string? Byline(string value)
    {
        var text = LeadingWord().Replace(value, string.Empty);
        text = TrailingRole().Replace(text, string.Empty);
        text = LeadingRole().Replace(text, string.Empty);
        return text.Trim().Length == 0 ? null : Bylines.CleanAuthor(text);
    }

    // بقلم ("by the pen of"), كتب/كتبت ("wrote"), 文/ and 文｜ ("text:"), 记者/記者 ("reporter"), 作者 ("author").
    [GeneratedRegex(@"^\s*(?:بقلم|كتبت?|(?:文|记者|記者|作者|撰文|编辑|編輯)\s*[/／|｜:：]?)\s*[:：]?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingWord();

    // "Jane Doe, Staff Writer", "Jane Doe | Senior Reporter", "Jane Doe - Correspondent".
    [GeneratedRegex(@"\s*(?:[,|｜/–—-]|\bis\s+an?)\s*(?:(?:senior|chief|staff|special|political|foreign|contributing|associate|managing|deputy|science|business|sports?|news)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|photographer|producer|analyst|redakteur(?:in)?|korrespondent(?:in)?|journaliste|rédacteur|rédactrice|periodista|redactor[a]?|corresponsal)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingRole();

    // "Staff Writer Jane Doe", "Reporter: Jane Doe".
    [GeneratedRegex(@"^\s*(?:(?:senior|chief|staff|special|political|foreign|contributing)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor)\s*[:：]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingRole();
}
