using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Dates;
using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Generic;

/// <summary>
/// The article's title: the JSON-LD headline, OpenGraph and meta titles and the visible headings,
/// weighed against each other (site names, kickers and furniture headings left out).
/// </summary>
internal static partial class TitleReader
{
    internal static void Read(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri url, PageMetadata result)
    {
        var stated = StatedTitles(scan, meta, ld, url, result.SiteName);
        var candidates = Candidates(scan, stated, out var setAside);
        DropSiteNameH1(candidates, stated);
        var (bestElement, bestText, bestScore) = Best(candidates, setAside, stated);
        if (bestElement is not null && bestScore >= 45)
        {
            result.Title = bestText;
            result.TitleElement = bestElement;
            MetadataReader.Source(result, "title", bestElement.LocalName);
            return;
        }

        // No visible heading says it: the first stated title, else the <title>, else the first <h1>.
        var (pageTitle, hostKey) = (stated.PageTitle, stated.HostKey);
        foreach (var (text, source) in stated.All)
        {
            if (source != "<title>")
            {
                result.Title = TitleText.StripSiteName(text, result.SiteName, hostKey);
                MetadataReader.Source(result, "title", source);
                return;
            }
        }

        if (!string.IsNullOrEmpty(pageTitle))
        {
            result.Title = TitleText.StripSiteName(pageTitle, result.SiteName, hostKey);
            MetadataReader.Source(result, "title", "<title>");
        }
        else if (scan.FirstH1 is { } h1 && HtmlText.Of(h1) is { Length: > 0 } text)
        {
            result.Title = text;
            result.TitleElement = h1;
            MetadataReader.Source(result, "title", "h1");
        }
    }

    /// <summary>What the page states its title is (JSON-LD, meta tags, <c>&lt;title&gt;</c>), and the keys the headings are weighed by.</summary>
    private sealed class Stated
    {
        /// <summary>Every stated title with its source, in order of trust; the <c>&lt;title&gt;</c> last.</summary>
        public required List<(string Text, string Source)> All { get; init; }

        public required string? PageTitle { get; init; }

        public required string SiteKey { get; init; }

        public required string HostKey { get; init; }

        /// <summary>The stated titles but the <c>&lt;title&gt;</c>, by key.</summary>
        public required Dictionary<string, string> ByKey { get; init; }

        /// <summary>The keys of the stated titles, whole.</summary>
        public required HashSet<string> Whole { get; init; }

        /// <summary>The keys of their parts between title separators, site and host names left out.</summary>
        public required HashSet<string> Segments { get; init; }
    }

    private static Stated StatedTitles(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri url, string? siteName)
    {
        var stated = new List<(string Text, string Source)>();
        if (ld?.Headline is { } headline)
        {
            stated.Add((headline, "JSON-LD headline"));
        }

        foreach (var name in new[] { "og:title", "twitter:title", "dc.title", "headline", "title" })
        {
            if (meta.First(name) is { } value)
            {
                stated.Add((value.Value, name));
            }
        }

        var pageTitle = scan.Title is { } titleElement ? HtmlText.Of(titleElement) : null;
        if (!string.IsNullOrEmpty(pageTitle))
        {
            stated.Add((pageTitle, "<title>"));
        }

        var siteKey = siteName is null ? string.Empty : TitleText.Key(siteName);
        var hostKey = TitleText.HostKey(url);
        var statedByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (text, source) in stated)
        {
            if (source != "<title>")
            {
                statedByKey.TryAdd(TitleText.Key(text), text);
            }
        }

        var whole = new HashSet<string>(StringComparer.Ordinal);
        var segments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, _) in stated)
        {
            whole.Add(TitleText.Key(text));
            foreach (var part in TitleText.TitleSeparator().Split(text))
            {
                var key = TitleText.Key(part);
                if (key.Length > 0 && key != siteKey && key != hostKey)
                {
                    segments.Add(key);
                }
            }
        }

        return new Stated { All = stated, PageTitle = pageTitle, SiteKey = siteKey, HostKey = hostKey, ByKey = statedByKey, Whole = whole, Segments = segments };
    }

    /// <summary>The visible headings that may be the headline, in page order; <paramref name="setAside"/>: those ranked lower.</summary>
    private static List<(IElement Element, string Text, string Key)> Candidates(PageScan scan, Stated stated, out HashSet<IElement> setAside)
    {
        var (siteKey, hostKey, statedByKey) = (stated.SiteKey, stated.HostKey, stated.ByKey);
        // The visible headline: the heading that the page's own metadata names, else one whose
        // class says it is the entry's title. Site names in <h1 class="site-title"> and headings of
        // sidebars and comment boxes are not candidates, but the page's one visible <h1> is, even
        // where a layout wrapper's class says sidebar or nav ("content-sidebar-wrap",
        // "elementor-widget-container", an <h1> ending the breadcrumb): only a footer or aside rules it out.
        // A heading set aside that way is still a candidate, ranked lower, when it says exactly what
        // the page's metadata states as the title: a headline inside a "widget" or "teaser" box,
        // or linked to the home page, is still the headline.
        var onlyH1 = OnlyVisibleH1(scan);
        var candidates = new List<(IElement Element, string Text, string Key)>();
        setAside = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        var taken = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        foreach (var heading in scan.Headings)
        {
            if (IsInsideHidden(heading))
            {
                continue;
            }

            var aside = IsSiteName(heading, siteKey, hostKey)
                || (IsInsideFurniture(heading) && !(heading == onlyH1 && !IsInsideFooterOrAside(heading)));
            if (heading.LocalName is not ("h1" or "h2" or "h3") && heading.QuerySelector("h1, h2, h3") is not null)
            {
                // A title box holding the heading and its byline: the heading itself is the candidate.
                continue;
            }

            var text = HeadingText(heading);
            var key = TitleText.Key(text);
            if (aside && !(statedByKey.ContainsKey(key) && key != siteKey && key != hostKey))
            {
                continue;
            }

            if (key.Length > 0 && text.Length <= 400 && !InsideAny(heading, taken))
            {
                candidates.Add((heading, text, key));
                taken.Add(heading);
                if (aside)
                {
                    setAside.Add(heading);
                }
            }
        }

        return candidates;
    }

    private static void DropSiteNameH1(List<(IElement Element, string Text, string Key)> candidates, Stated stated)
    {
        var (pageTitle, siteKey, hostKey, statedByKey) = (stated.PageTitle, stated.SiteKey, stated.HostKey, stated.ByKey);
        // An <h1> that is one end of the <title> ("Blog name » Post title", "Post title | Blog name")
        // while another, longer heading shows another part of it names the site, not the article.
        var titleParts = pageTitle is null ? new List<string>() : TitleText.TitleSeparator().Split(pageTitle).Select(TitleText.Key).Where(k => k.Length > 0).ToList();
        // Not when the page's metadata states that <h1> as the title, nor when the <title>'s other
        // end is the site's name ("Headline - Subtitle - site.de": the <h1> is the headline).
        if (titleParts.Count >= 2)
        {
            var edges = new HashSet<string>(StringComparer.Ordinal);
            if (!TitleText.IsSiteNamePart(titleParts[^1], siteKey, hostKey))
            {
                edges.Add(titleParts[0]);
            }

            if (!TitleText.IsSiteNamePart(titleParts[0], siteKey, hostKey))
            {
                edges.Add(titleParts[^1]);
            }

            candidates.RemoveAll(c => c.Element.LocalName == "h1" && edges.Contains(c.Key) && !statedByKey.ContainsKey(c.Key)
                && candidates.Any(o => o.Element.LocalName != "h1" && o.Key != c.Key && o.Key.Length > c.Key.Length && titleParts.Contains(o.Key)));
        }
    }

    /// <summary>The heading that scores best against what the page states, its text as shown and its score (0: none).</summary>
    private static (IElement? Element, string? Text, int Score) Best(List<(IElement Element, string Text, string Key)> candidates, HashSet<IElement> setAside, Stated stated)
    {
        var (whole, segments, statedByKey) = (stated.Whole, stated.Segments, stated.ByKey);
        // One <h1> on the page (or several saying the same) is the headline as the page shows it.
        var h1Keys = candidates.Where(c => c.Element.LocalName == "h1").Select(c => c.Key).Distinct().Count();
        IElement? bestElement = null;
        string? bestText = null;
        var bestScore = 0;
        foreach (var (heading, text, key) in candidates)
        {
            var shown = text;
            // A one-word part of the title bar ("Fachmeldungen", "News") is more often the section than
            // the headline (not so in scripts written without spaces).
            var score = whole.Contains(key) ? 100 : segments.Contains(key) ? (IsOneWord(text) ? 65 : 80) : 0;
            if (score == 0 && key.Length >= 12 && whole.Any(w => w.Contains(key, StringComparison.Ordinal)))
            {
                // "Kicker: Headline" stated, "Headline" shown.
                score = 50;
            }
            else if (score == 0 && statedByKey.FirstOrDefault(w => w.Key.Length >= 12 && key.Contains(w.Key, StringComparison.Ordinal)) is { Key: not null } inner)
            {
                // The heading holds the stated title and more (a kicker, a dek, a date): the stated part.
                score = 60;
                shown = PartOf(heading, inner.Key) ?? (heading.ChildElementCount == 0 && key.StartsWith(inner.Key, StringComparison.Ordinal) ? text : inner.Value);
            }

            if (IsTitleNamed(heading))
            {
                score += score == 0 ? 40 : 10;
            }

            if (setAside.Contains(heading))
            {
                score -= 30;
            }

            if (heading.LocalName == "h1")
            {
                score += h1Keys == 1 ? 45 : 5;
            }
            else if (score == 0)
            {
                continue;
            }
            else if (heading.LocalName == "h2")
            {
                score += 3;
            }

            if (score > bestScore)
            {
                (bestElement, bestText, bestScore) = (heading, shown, score);
            }
        }

        return (bestElement, bestText, bestScore);
    }

    /// <summary>A short heading of one word in a script that separates words with spaces.</summary>
    internal static bool IsOneWord(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is > 0 and <= 20 && !trimmed.Any(char.IsWhiteSpace) && !trimmed.Any(c => c >= '\u2E80');
    }

    private static IElement? OnlyVisibleH1(PageScan scan)
    {
        IElement? found = null;
        foreach (var heading in scan.Headings)
        {
            if (heading.LocalName == "h1" && !IsInsideHidden(heading))
            {
                if (found is not null)
                {
                    return null;
                }

                found = heading;
            }
        }

        return found;
    }

    private static bool IsInsideFooterOrAside(IElement element)
    {
        for (var current = element.ParentElement; current is not null && current.LocalName != "body"; current = current.ParentElement)
        {
            if (current.LocalName is "footer" or "aside")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="element"/> is one of <paramref name="elements"/> or lies inside one
    /// (headings come in document order, so a taken heading is never inside a later one): a walk up
    /// the ancestors, not a test against every heading taken, so a page of thousands of headings stays linear.
    /// </summary>
    private static bool InsideAny(IElement element, HashSet<IElement> elements)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (elements.Contains(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A heading's text without its kicker: "&lt;h1&gt;&lt;span class=dachzeile&gt;Kicker&lt;/span&gt;
    /// &lt;span class=headline&gt;Headline&lt;/span&gt;&lt;/h1&gt;" reads "Headline". Parts whose class
    /// names a kicker, topline or super/subtitle, hidden parts and dates are left out, unless
    /// nothing would be left.
    /// </summary>
    internal static string HeadingText(IElement heading)
    {
        var builder = new System.Text.StringBuilder();
        var skippedAny = false;
        INode? node = heading.FirstChild;
        while (node is not null)
        {
            var descend = false;
            if (node is IText text)
            {
                builder.Append(text.Data);
            }
            else if (node is IElement element)
            {
                if (element.LocalName == "br" || HtmlText.BreaksText(element))
                {
                    builder.Append(' ');
                }

                if (HtmlText.IsSkipped(element) || element.LocalName == "time" || element.GetAttribute("aria-hidden") == "true"
                    || (Hints.Names(element) is { } names && KickerClass().IsMatch(names)))
                {
                    skippedAny = true;
                }
                else
                {
                    descend = element.FirstChild is not null;
                }
            }

            node = Dom.Next(node, heading, descend);
        }

        var result = TextNormalizer.Normalize(builder.ToString());
        if (!skippedAny || TitleText.Key(result).Length == 0)
        {
            result = HtmlText.Of(heading);
        }
        else
        {
            // "<span class=kicker>Kicker</span>: Headline" leaves the separator in front.
            result = result.TrimStart(':', '|', '-', '–', '—', '·', '•', '/', ' ');
        }

        return result.Replace('\n', ' ');
    }

    [GeneratedRegex(@"dachzeile|kicker|top-?line|top-?title|overline|roofline|super-?title|sub-?title|sub-?headline|sub-?heading|sub-?line|h\d-?small|\bsmall\b|\binvisible\b|topic|label|eyebrow|rubri[ck]|titleheader|spitzmarke|visually-?hidden|sr-only|screen-?reader|\bhidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KickerClass();

    /// <summary>The text of the element inside <paramref name="heading"/> that says exactly <paramref name="key"/>, or null.</summary>
    private static string? PartOf(IElement heading, string key)
    {
        foreach (var element in heading.QuerySelectorAll("*"))
        {
            var text = HtmlText.Of(element);
            if (TitleText.Key(text) == key)
            {
                return text.Replace('\n', ' ');
            }
        }

        return null;
    }

    /// <summary>A heading that shows the site's name: class or id site-title/logo/brand, the og:site_name, or a link to the home page.</summary>
    private static bool IsSiteName(IElement heading, string siteKey, string hostKey)
    {
        for (var current = heading; current is not null && current.LocalName != "body"; current = current.ParentElement)
        {
            if (Hints.Names(current) is { } names && SiteNameClass().IsMatch(names))
            {
                return true;
            }

            if (current == heading.ParentElement?.ParentElement)
            {
                break;
            }
        }

        var key = TitleText.Key(HtmlText.Of(heading));
        if ((siteKey.Length > 0 && key == siteKey) || (hostKey.Length >= 4 && key == hostKey))
        {
            return true;
        }

        var link = heading.QuerySelector("a[href]") ?? heading.Closest("a[href]");
        var href = link?.GetAttribute("href")?.Trim();
        return href is "/" or "./" || (href is not null && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query));
    }

    private static bool IsTitleNamed(IElement heading)
    {
        if (heading.GetAttribute("itemprop")?.Contains("headline", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        return Hints.Names(heading) is { } names && TitleClass().IsMatch(names);
    }

    internal static bool IsInsideFurniture(IElement element) =>
        element.ParentElement is { } parent && HasAncestor(parent, tag => tag is "nav" or "aside" or "footer", FurnitureClass());

    /// <summary>True when <paramref name="element"/> or an ancestor below &lt;body&gt; has one of the tags, or class/id names matching <paramref name="names"/>.</summary>
    internal static bool HasAncestor(IElement element, Func<string, bool> tag, Regex names)
    {
        for (var current = element; current is not null && current.LocalName != "body"; current = current.ParentElement)
        {
            if (tag(current.LocalName) || (Hints.Names(current) is { } found && names.IsMatch(found)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"site-?title|site-?name|blog-?title|blog-?name|\blogo|brand|masthead|site-?branding|site-?header|header-?title", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiteNameClass();

    [GeneratedRegex(@"entry-?title|post-?title|posttitle|post_name|article-?title|articletitle|headline|page-?title|story-?title|news-?title|content-?title|title", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleClass();

    [GeneratedRegex(@"sidebar|widget|comment|related|footer|teaser|recommend|popular|\bnav|menu", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureClass();

    internal static bool IsInsideHidden(IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current.LocalName != "form" && HtmlText.IsSkipped(current))
            {
                return true;
            }
        }

        return false;
    }
}
