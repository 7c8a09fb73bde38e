using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// The standfirst: a visible element whose class says standfirst, dek, summary, subtitle…
/// that stands outside the body (inside it, the engine would take it out of the body text),
/// then og:description and the description meta tag.
/// </summary>
internal static class LeadFinder
{
    private static readonly Regex LeadWord = new(
        "(^|[-_ ])(standfirst|dek|deck|summary|subtitle|sub-title|subheadline|subhead|lede|lead|excerpt|teaser|intro|strapline|sapo|chapo|chapeau|description|abstract)([-_ ]|$)|[a-z](Dek|Standfirst|Summary|Subtitle|Description)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static FieldGuess? Find(IDocument document, TextStatistics statistics, IReadOnlyList<IElement> body)
    {
        var og = MetaTags.Find(document, "og:description", "twitter:description");
        var description = MetaTags.Find(document, "description");
        var reference = og?.Value ?? description?.Value;

        string? visible = null;
        var agrees = false;
        foreach (var element in statistics.Elements)
        {
            var named = element.ClassList.Any(c => LeadWord.IsMatch(c)) || (element.Id is { } id && LeadWord.IsMatch(id))
                || (element.GetAttribute("itemprop") == "description" && element.LocalName != "meta");
            if (!named || body.Any(b => Dom.IsInside(element, b) || Dom.IsInside(b, element)))
            {
                continue;
            }

            var measure = statistics[element];
            var text = Guessing.TextOf(element);
            if (text.Length < 30 || text.Length > 600 || measure.Links * 2 > measure.Total)
            {
                continue;
            }

            // Only what stands before the article text: after it come teasers of other stories.
            if (body.Count > 0 && body[0].CompareDocumentPosition(element).HasFlag(DocumentPositions.Following))
            {
                continue;
            }

            if (Guessing.NameFirst(document, element, statistics) is { } selector)
            {
                visible = selector;
                agrees = reference is not null && Guessing.Agree(text, reference);
                break;
            }
        }

        var selectors = new List<string>();
        if (visible is not null)
        {
            selectors.Add(visible);
        }

        if (og is not null)
        {
            selectors.Add(og.Selector);
        }
        else if (description is not null)
        {
            selectors.Add(description.Selector);
        }

        if (selectors.Count == 0)
        {
            return null;
        }

        var (confidence, evidence) = visible is not null
            ? (agrees ? 0.9 : 0.6, agrees ? "a standfirst element that agrees with the description meta tag" : "an element whose class says standfirst/summary")
            : og is not null ? (0.7, "og:description (no visible standfirst found)") : (0.5, "the description meta tag (no visible standfirst found)");
        return FieldGuess.Of("lead", selectors, confidence, evidence);
    }
}
