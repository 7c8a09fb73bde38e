using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsRules.Cli.Scaffold;

/// <summary>The language tag: <c>&lt;html lang&gt;</c>, else og:locale, content-language or the JSON-LD inLanguage.</summary>
internal static class LanguageFinder
{
    private static readonly Regex Tag = new("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant);

    public static LanguageGuess? Find(IDocument document, JsonLd jsonLd)
    {
        if (Normalize(document.DocumentElement?.GetAttribute("lang")) is { } lang)
        {
            return new LanguageGuess(lang, 0.9, $"<html lang=\"{document.DocumentElement!.GetAttribute("lang")!.Trim()}\">");
        }

        if (Normalize(MetaTags.Find(document, "content-language", "og:locale", "language")?.Value) is { } meta)
        {
            return new LanguageGuess(meta, 0.7, "the page's language meta tag");
        }

        if (Normalize(jsonLd.Language) is { } ld)
        {
            return new LanguageGuess(ld, 0.7, "JSON-LD inLanguage");
        }

        return null;
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
