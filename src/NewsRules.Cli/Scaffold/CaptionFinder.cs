using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// Captions inside the body: <c>figcaption</c>s, and elements whose class says caption
/// (WordPress's <c>wp-caption-text</c>, <c>image-caption</c>…), scoped to the body selector so
/// teasers elsewhere on the page stay out.
/// </summary>
internal static class CaptionFinder
{
    private static readonly Regex CaptionWord = new("caption", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static FieldGuess? Find(IDocument document, TextStatistics statistics, string bodySelector, IReadOnlyList<IElement> body, out string? declined)
    {
        declined = null;
        var parts = new List<string>();
        var count = 0;
        if (body.Any(b => SelectorNaming.First(b, "figcaption") is not null))
        {
            parts.Add($"{bodySelector} figcaption");
            count += body.Sum(b => SelectorNaming.All(b, "figcaption").Count);
        }

        // Captions by class, outside figcaptions (which are already taken).
        var byClass = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var container in body)
        {
            foreach (var element in SelectorNaming.All(container, "[class]"))
            {
                if (element.LocalName == "figcaption" || statistics[element].Elements > 200 || InFigcaption(element) || SelectorNaming.First(element, "figcaption, p, img") is not null)
                {
                    continue;
                }

                var name = element.ClassList.FirstOrDefault(c => CaptionWord.IsMatch(c) && SelectorNaming.IsStable(c));
                var text = HtmlText.Of(element);
                if (name is null || text.Length == 0 || text.Length > 500)
                {
                    continue;
                }

                byClass[name] = byClass.TryGetValue(name, out var n) ? n + 1 : 1;
            }
        }

        foreach (var (name, n) in byClass.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(2))
        {
            parts.Add($"{bodySelector} {SelectorNaming.Class(name)}");
            count += n;
        }

        if (parts.Count == 0)
        {
            return null;
        }

        // A slideshow's text is its captions: lifting them out would leave the body empty.
        var captionLetters = parts.SelectMany(css => SelectorNaming.Matches(document, css)).Distinct().Sum(e => TextStatistics.Weight(HtmlText.Of(e)));
        var bodyLetters = body.Sum(b => TextStatistics.Weight(HtmlText.Of(b)));
        if (captionLetters > 0.3 * bodyLetters)
        {
            declined = $"the captions hold {100 * captionLetters / Math.Max(1, bodyLetters)}% of the body's text (a slideshow?), so they are left in the text";
            return null;
        }

        var what = byClass.Count == 0 ? "figcaption" : parts.Count == byClass.Count ? "caption class" : "figcaption and caption class";
        return FieldGuess.Of("captions", new[] { string.Join(", ", parts) }, byClass.Count == 0 ? 0.9 : 0.7, $"{count} {what} element(s) inside the body");
    }

    private static bool InFigcaption(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName == "figcaption")
            {
                return true;
            }
        }

        return false;
    }
}
