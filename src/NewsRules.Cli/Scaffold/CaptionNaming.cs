using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Generic;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// Names the captions the generic extractor lifts out of its body (<c>figcaption</c>s, elements
/// whose class says caption, "Photo: …" lines), scoped by the body selector so teasers elsewhere
/// on the page stay out: <c>figcaption</c> where they are figcaptions, else the stable names that
/// match only captions inside the body. Declined when they hold most of the body's text (a
/// slideshow's text is its captions).
/// </summary>
internal static class CaptionNaming
{
    private const int MaxNames = 2;

    public static FieldGuess? Name(GenericChoices choices, string bodySelector, IReadOnlyList<IElement> body, out string? declined)
    {
        declined = null;
        if (choices.Content is not { } content || body.Count == 0)
        {
            return null;
        }

        // The captions it lifts out of its containers, and, where the draft's body is wider than
        // they are, what the runtime's caption test (figcaption, a caption class) says inside it.
        bool InBody(IElement e) => body.Any(b => e == b || Dom.IsInside(e, b));
        var captions = content.Captions.Where(InBody)
            .Concat(body.SelectMany(b => SelectorNaming.All(b, "[class], figcaption")).Where(e => Hints.IsCaption(e) && IsCaptionSized(e)))
            .Distinct()
            .ToList();
        captions = captions.Where(c => !captions.Any(o => o != c && Dom.IsInside(c, o))).ToList();
        if (captions.Count == 0)
        {
            return null;
        }

        bool InFigcaption(IElement e) => e.LocalName == "figcaption" || e.Closest("figcaption") is not null;
        var parts = new List<string>();
        var count = 0;
        var figcaptions = body.SelectMany(b => SelectorNaming.All(b, "figcaption")).ToList();
        if (captions.Any(c => InFigcaption(c) || SelectorNaming.First(c, "figcaption") is not null) && figcaptions.Count > 0)
        {
            parts.Add($"{bodySelector} figcaption");
            count += figcaptions.Count;
        }

        // The other captions by a stable name of their own that matches only captions inside the body.
        var inside = body.SelectMany(b => SelectorNaming.All(b, "*")).ToList();
        bool IsCaption(IElement e) => captions.Any(c => c == e || Dom.IsInside(e, c));
        var covered = new HashSet<IElement>(captions.Where(InFigcaption));
        var byClass = 0;
        // A wrapper around a figcaption and its credit line is named too: the credit is caption, not article text.
        foreach (var caption in captions.Where(c => !InFigcaption(c)))
        {
            if (parts.Count > MaxNames || covered.Contains(caption))
            {
                continue;
            }

            foreach (var css in SelectorNaming.Own(caption).Where(n => n.Cost <= 2 && n.Css != caption.LocalName).OrderBy(n => n.Cost).ThenBy(n => n.Css.Length).Select(n => n.Css))
            {
                var matches = SelectorNaming.Matches(inside, css);
                if (matches.Count > 0 && matches.All(IsCaption))
                {
                    covered.UnionWith(matches);
                    parts.Add($"{bodySelector} {css}");
                    count += matches.Count;
                    byClass++;
                    break;
                }
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        // A slideshow's text is its captions: lifting them out would leave the body empty.
        var captionLetters = parts.SelectMany(css => SelectorNaming.Matches(body[0].Owner!, css)).Distinct().Sum(e => TextStatistics.Weight(HtmlText.Of(e)));
        var bodyLetters = body.Sum(b => TextStatistics.Weight(HtmlText.Of(b)));
        if (captionLetters > 0.3 * bodyLetters)
        {
            declined = $"the captions hold {100 * captionLetters / Math.Max(1, bodyLetters)}% of the body's text (a slideshow?), so they are left in the text";
            return null;
        }

        var what = byClass == 0 ? "figcaption" : byClass == parts.Count ? "caption" : "figcaption and caption";
        return FieldGuess.Of("captions", new[] { string.Join(", ", parts) }, byClass == 0 ? 0.9 : 0.7, $"{count} {what} element(s) inside the body, as the generic extractor lifts them out");
    }

    // A caption is a line or two of text, not a box of paragraphs or images.
    private static bool IsCaptionSized(IElement element) =>
        element.LocalName == "figcaption"
        || (SelectorNaming.First(element, "p, img, picture, video") is null && HtmlText.Of(element) is { Length: > 0 and <= 500 });
}
