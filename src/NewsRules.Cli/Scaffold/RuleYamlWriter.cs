using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// Writes a draft as a rule file in the house style (README's reference), every guess
/// followed by a comment with its confidence and evidence, and every field it could not find
/// as a commented hint, so the author sees what to check and what to add.
/// </summary>
internal static class RuleYamlWriter
{
    private static readonly HashSet<string> YamlWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    private static readonly Dictionary<string, string> Missing = new(StringComparer.Ordinal)
    {
        ["author"] = "no byline, author meta tag or JSON-LD author found",
        ["published"] = "no date meta tag, time[datetime] or JSON-LD datePublished found",
        ["lead"] = "no standfirst element or description meta tag found",
        ["image"] = "no og:image or twitter:image found",
        ["captions"] = "no figcaption or caption class inside the body",
    };

    /// <summary>Why a field is missing from a draft when no trial run dropped it: nothing of the kind was found.</summary>
    public static string MissingReason(string field) => Missing.TryGetValue(field, out var why) ? why : "nothing found";

    public static string Write(RuleDraft draft, string rulePath)
    {
        var yaml = new StringBuilder();
        void Line(string text) => yaml.Append(text).Append('\n');

        Line($"# {draft.Site} ({draft.Domain}): scaffolded by `newsrules new` from {draft.SamplePath},");
        Line($"# {draft.Url}");
        Line("# Every selector is a guess; the number after a field is how sure the scaffold was (0-1).");
        Line("# Check the output, fix what is wrong, then pin it with a snapshot (see the README, 'Add a site'):");
        Line($"#   newsrules extract {draft.SamplePath} --rule {rulePath} --explain");
        Line($"site: {draft.Site}");
        // A host matches its subdomains: www. adds nothing.
        Line($"domains: [{(draft.Domain.StartsWith("www.", StringComparison.Ordinal) ? draft.Domain.Substring(4) : draft.Domain)}]");
        Line($"# urls: [{Quote(UrlsHint(draft.Url))}]   # optional: restrict the rule to article paths (this page: {Comment(Uri.UnescapeDataString(draft.Url.AbsolutePath))})");
        if (draft.Language is { } language)
        {
            Line($"language: {(YamlWords.Contains(language.Tag) ? Quote(language.Tag) : language.Tag)}   # {Note(language.Confidence, language.Evidence)}");
        }
        else
        {
            Line("# language: en   # not found: no <html lang>, language meta tag or JSON-LD inLanguage");
        }

        Line(string.Empty);
        Field(yaml, "title", draft.Title, draft);
        Field(yaml, "author", draft.Author, draft);
        Field(yaml, "published", draft.Published, draft);
        Field(yaml, "lead", draft.Lead, draft);
        Field(yaml, "image", draft.Image, draft);
        if (draft.Body.LeftToFallback && draft.Fallback)
        {
            Line($"# body: {Selectors(draft.Body.Selectors)}   # {Comment(draft.Body.Evidence)}");
        }
        else
        {
            Line($"body: {Selectors(draft.Body.Selectors)}   # {Note(draft.Body.Confidence, draft.Body.Evidence)}");
        }

        Field(yaml, "captions", draft.Captions, draft);
        if (draft.Junk.Count > 0)
        {
            Line("junk:");
            foreach (var junk in draft.Junk)
            {
                Line($"  - {Quote(junk.Selector)}   # {Note(junk.Confidence, junk.Evidence)}");
            }
        }
        else if (draft.Body.LeftToFallback && draft.Fallback)
        {
            Line("# junk: []   # none: the body is the generic extractor's, which leaves out its own boilerplate");
        }
        else
        {
            Line("# junk: []   # nothing inside the body looked like share bars, related links, ads or newsletter boxes");
        }

        if (draft.Fallback)
        {
            Line("fallback: true   # fields left out above, or empty on a page, come from the generic extractor");
        }

        if (draft.PageNotes.Count > 0)
        {
            Line(string.Empty);
            Line("# What this draft extracts from the pages it was made from:");
            foreach (var note in draft.PageNotes)
            {
                Line($"#   {Comment(note)}");
            }
        }

        return yaml.ToString();
    }

    private static void Field(StringBuilder yaml, string name, FieldGuess? guess, RuleDraft draft)
    {
        if (guess is null)
        {
            var why = draft.Dropped.TryGetValue(name, out var dropped) ? dropped : MissingReason(name);
            yaml.Append($"# {name}: ''   # not found: {Comment(why)}\n");
            return;
        }

        if (!guess.LongForm)
        {
            yaml.Append($"{name}: {Selectors(guess.Selectors)}   # {Note(guess.Confidence, guess.Evidence)}\n");
            return;
        }

        yaml.Append($"{name}:   # {Note(guess.Confidence, guess.Evidence)}\n");
        yaml.Append($"  select: {Selectors(guess.Selectors)}\n");
        if (guess.Pattern is not null)
        {
            yaml.Append($"  pattern: {Quote(guess.Pattern)}\n");
        }

        if (guess.Format is not null)
        {
            yaml.Append($"  format: {Quote(guess.Format)}\n");
        }

        if (guess.Culture is not null)
        {
            yaml.Append($"  culture: {Quote(guess.Culture)}\n");
        }

        if (guess.TimeZone is not null)
        {
            yaml.Append($"  timezone: {Quote(guess.TimeZone)}\n");
        }

        if (guess.KeepInBody)
        {
            yaml.Append("  keep_in_body: true\n");
        }
    }

    private static string Selectors(IReadOnlyList<string> selectors) =>
        selectors.Count == 1 ? Quote(selectors[0]) : "[" + string.Join(", ", selectors.Select(Quote)) + "]";

    /// <summary>A YAML single-quoted scalar: backslashes stay literal, a quote is doubled.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    private static string Note(double confidence, string evidence) =>
        confidence.ToString("0.00", CultureInfo.InvariantCulture) + " " + Comment(evidence);

    private static string Comment(string text) => text.Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>A starting point for <c>urls</c>: the page's first path segment, digits generalized.</summary>
    private static string UrlsHint(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return "^/";
        }

        var first = segments[0];

        var pattern = new StringBuilder("^/");
        var inDigits = false;
        foreach (var c in first)
        {
            if (char.IsDigit(c))
            {
                if (!inDigits)
                {
                    pattern.Append("\\d+");
                }

                inDigits = true;
                continue;
            }

            inDigits = false;
            pattern.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c.ToString() : System.Text.RegularExpressions.Regex.Escape(c.ToString()));
        }

        return pattern.Append('/').ToString();
    }
}
