using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// The language tag as the generic extractor reads it (<c>&lt;html lang&gt;</c>, else og:locale,
/// content-language or the JSON-LD inLanguage), in BCP 47's casing.
/// </summary>
internal static class LanguageFinder
{
    private static readonly Regex Tag = new("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant);

    public static LanguageGuess? Find(IDocument document, NewsRules.Generic.PageMetadata metadata)
    {
        if (Normalize(metadata.Language) is not { } tag)
        {
            return null;
        }

        var lang = document.DocumentElement?.GetAttribute("lang")?.Trim();
        return !string.IsNullOrEmpty(lang) && Normalize(lang) == tag
            ? new LanguageGuess(tag, 0.9, $"<html lang=\"{lang}\">")
            : new LanguageGuess(tag, 0.7, "the page's language meta tag or JSON-LD inLanguage, as the generic extractor reads it");
    }

    // "en_US" → "en-US", "EN" → "en"; anything that is not a BCP 47-shaped tag is dropped.
    private static string? Normalize(string? value)
    {
        var text = value?.Trim().Replace('_', '-');
        if (string.IsNullOrEmpty(text) || !Tag.IsMatch(text))
        {
            return null;
        }

        // BCP 47's usual casing: language lower, script title ("Hant"), region upper ("US").
        var parts = text.Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
        {
            parts[i] = parts[i].Length == 2 ? parts[i].ToUpperInvariant()
                : parts[i].Length == 4 ? char.ToUpperInvariant(parts[i][0]) + parts[i].Substring(1).ToLowerInvariant()
                : parts[i].ToLowerInvariant();
        }

        return string.Join("-", parts);
    }
}
