using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// The headline: the page's <c>h1</c> that agrees with og:title (or the JSON-LD headline, or
/// the document title), named so that it is the first <c>h1</c> the selector finds; og:title as
/// the fallback alternative.
/// </summary>
internal static class TitleFinder
{
    public static FieldGuess Find(IDocument document, TextStatistics statistics, JsonLd jsonLd)
    {
        var og = MetaTags.Find(document, "og:title");
        var twitter = MetaTags.Find(document, "twitter:title");
        var documentTitle = document.Head is { } head && SelectorNaming.First(head, "title") is { } titleElement ? Guessing.TextOf(titleElement) : null;
        var reference = og?.Value ?? jsonLd.Headline ?? twitter?.Value ?? documentTitle;
        var referenceName = og is not null ? "og:title" : jsonLd.Headline is not null ? "the JSON-LD headline" : twitter is not null ? "twitter:title" : "the document title";

        var headings = SelectorNaming.All(document, "h1")
            .Where(h => statistics.Contains(h))
            .Select(h => (Element: h, Text: Guessing.TextOf(h)))
            .Where(h => h.Text.Length > 0 && h.Text.Length <= 400)
            .ToList();

        (IElement Element, string Text)? chosen = null;
        var agrees = false;
        if (reference is not null)
        {
            foreach (var heading in headings.OrderByDescending(h => Guessing.Containment(h.Text, reference) + Guessing.Containment(reference, h.Text)))
            {
                // Most of the h1 in the reference and a fair part of the reference in the h1: not
                // the site's name in an h1 logo, not a kicker of one word.
                if (Guessing.Containment(heading.Text, reference) >= 0.7 && Guessing.Containment(reference, heading.Text) >= 0.4)
                {
                    chosen = heading;
                    agrees = true;
                }

                break;
            }
        }

        if (chosen is null && headings.Count == 1 && reference is null)
        {
            chosen = headings[0];
        }

        var selectors = new List<string>();
        var evidence = new List<string>();
        double confidence;
        var h1 = chosen is { } c ? Guessing.NameFirst(document, c.Element, statistics) : null;
        if (h1 is not null)
        {
            selectors.Add(h1);
            confidence = agrees ? 0.95 : 0.6;
            evidence.Add(agrees ? $"the page's h1 agrees with {referenceName}" : "the page's only h1 (no og:title to confirm it)");
        }
        else
        {
            confidence = og is not null ? 0.8 : jsonLd.Headline is not null || twitter is not null ? 0.6 : 0.4;
            evidence.Add(headings.Count == 0 ? "no h1 on the page" : $"no h1 agrees with {referenceName}");
        }

        if (og is not null)
        {
            selectors.Add(og.Selector);
        }
        else if (twitter is not null)
        {
            selectors.Add(twitter.Selector);
        }

        if (selectors.Count == 0)
        {
            // The document title always exists on a real page; it often carries the site's name too.
            selectors.Add("head > title");
            evidence.Add("falls back to the document title, which may include the site name");
        }

        return FieldGuess.Of("title", selectors, confidence, string.Join("; ", evidence));
    }
}
