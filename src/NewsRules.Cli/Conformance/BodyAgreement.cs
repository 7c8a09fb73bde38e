using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsRules.Cli.Conformance;

/// <summary>
/// How far the generic extractor's body agrees with the site rule's on the same page: words
/// (characters in Chinese and Japanese) counted as bags, the rule's lead and body as the
/// reference. Precision is the share of the fallback's words that the rule's text has, recall
/// the share of the rule's words the fallback found. Pages whose rule body has fewer than 30
/// words are left out (a listing, a page the rule cannot read).
/// </summary>
internal static partial class BodyAgreement
{
    private const int MinimumWords = 30;

    public static (double Precision, double Recall, double F1, int Pages) Write(IReadOnlyList<CaseResult> generic, IReadOnlyList<CaseResult> rules, TextWriter output)
    {
        var reference = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var result in rules)
        {
            if (result.Article is { } article)
            {
                reference.TryAdd(result.Case.Page, article);
            }
        }

        long tp = 0, fp = 0, fn = 0;
        var pages = new List<(double F1, double Precision, double Recall, string Id)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in generic)
        {
            if (result.Article is not { } found || !seen.Add(result.Case.Page) || !reference.TryGetValue(result.Case.Page, out var expected))
            {
                continue;
            }

            var want = Words(string.IsNullOrEmpty(expected.Lead) ? expected.Text : expected.Lead + "\n" + expected.Text);
            var total = want.Values.Sum();
            if (total < MinimumWords)
            {
                continue;
            }

            var got = Words(found.Text);
            var common = 0;
            foreach (var (word, count) in got)
            {
                common += Math.Min(count, want.GetValueOrDefault(word));
            }

            var gotTotal = got.Values.Sum();
            tp += common;
            fp += gotTotal - common;
            fn += total - common;
            var p = gotTotal == 0 ? 0 : (double)common / gotTotal;
            var r = (double)common / total;
            pages.Add((p + r == 0 ? 0 : 2 * p * r / (p + r), p, r, result.Case.Id));
        }

        if (pages.Count == 0)
        {
            return (0, 0, 0, 0);
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"body words against the site rules' bodies, {pages.Count} pages: precision {precision:0.000}, recall {recall:0.000}, F1 {f1:0.000}"));
        var low = pages.Where(x => x.F1 < 0.8).OrderBy(x => x.F1).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pages below F1 0.8: {low.Count}"));
        foreach (var (pageF1, p2, r2, id) in low)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {id,-40} F1 {pageF1:0.00} (precision {p2:0.00}, recall {r2:0.00})"));
        }

        return (precision, recall, f1, pages.Count);
    }

    /// <summary>Lower-case words; each Han, Hiragana or Katakana character counts as a word of its own.</summary>
    internal static Dictionary<string, int> Words(string text)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match match in Word().Matches(text))
        {
            var word = match.Value.ToLowerInvariant();
            if (Cjk().IsMatch(word))
            {
                foreach (var piece in Cjk().Split(word).Where(x => x.Length > 0).Concat(Cjk().Matches(word).Select(m => m.Value)))
                {
                    bag[piece] = bag.GetValueOrDefault(piece) + 1;
                }

                continue;
            }

            bag[word] = bag.GetValueOrDefault(word) + 1;
        }

        return bag;
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]", RegexOptions.CultureInvariant)]
    private static partial Regex Cjk();
}
