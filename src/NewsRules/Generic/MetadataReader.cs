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
/// The article's metadata from what pages publish about themselves, most reliable first:
/// JSON-LD (schema.org), OpenGraph and standard meta tags, <c>&lt;time datetime&gt;</c> and
/// microdata, the visible <c>&lt;h1&gt;</c> and bylines, and last the URL and written dates.
/// </summary>
internal static partial class MetadataReader
{
    private static readonly string[] DateMetaNames =
    {
        "article:published_time", "og:article:published_time", "article:published", "published_time", "og:published_time",
        "datePublished", "article.published", "publish-date", "publish_date", "publishdate", "pubdate", "parsely-pub-date",
        "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
        "citation_publication_date", "citation_date", "uploadDate", "dateCreated", "publication_date", "date_published", "publication-date", "pub_date", "og:pubdate", "date", "og:updated_time", "article:modified_time", "last-modified",
    };

    private static readonly string[] AuthorMetaNames =
    {
        "article:author", "og:article:author", "author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
        "byl", "citation_author", "twitter:creator",
    };

    public static PageMetadata Read(IDocument document, Uri url, Uri baseUrl) => Read(document, url, baseUrl, PageScan.Of(document));

    /// <summary>As <see cref="Read(IDocument, Uri, Uri)"/> from a scan of the page already made.</summary>
    public static PageMetadata Read(IDocument document, Uri url, Uri baseUrl, PageScan scan)
    {
        var meta = new MetaTags(scan.Metas);
        var ld = JsonLd.Read(scan.Scripts);
        var result = new PageMetadata
        {
            ArticleBody = ld?.ArticleBody,
            SiteName = meta.First("og:site_name", "application-name")?.Value ?? ld?.SiteName,
        };

        var lang = document.DocumentElement?.GetAttribute("lang")?.Trim();
        result.Language = !string.IsNullOrEmpty(lang)
            ? lang
            : meta.First("og:locale", "content-language", "dc.language", "language")?.Value.Replace('_', '-') ?? ld?.Language;

        ReadTitle(scan, meta, ld, url, result);
        ReadAuthors(scan, meta, ld, url, result);
        ReadDate(scan, meta, ld, url, result);
        ReadImage(scan, meta, ld, baseUrl, result);

        var description = meta.First("og:description", "description", "twitter:description", "dc.description");
        result.Lead = description?.Value ?? ld?.Description;
        Source(result, "lead", description?.Name ?? (ld?.Description is null ? null : "JSON-LD description"));
        return result;
    }

    private static void Source(PageMetadata result, string field, string? source)
    {
        if (source is not null)
        {
            result.Sources[field] = source;
        }
    }

    // ---- title ---------------------------------------------------------------------------

    private static void ReadTitle(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri url, PageMetadata result)
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

        var siteKey = result.SiteName is null ? string.Empty : Key(result.SiteName);
        var hostKey = HostKey(url);
        var statedByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (text, source) in stated)
        {
            if (source != "<title>")
            {
                statedByKey.TryAdd(Key(text), text);
            }
        }

        var whole = new HashSet<string>(StringComparer.Ordinal);
        var segments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, _) in stated)
        {
            whole.Add(Key(text));
            foreach (var part in TitleSeparator().Split(text))
            {
                var key = Key(part);
                if (key.Length > 0 && key != siteKey && key != hostKey)
                {
                    segments.Add(key);
                }
            }
        }

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
        var setAside = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
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
            var key = Key(text);
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

        // An <h1> that is one end of the <title> ("Blog name » Post title", "Post title | Blog name")
        // while another, longer heading shows another part of it names the site, not the article.
        var titleParts = pageTitle is null ? new List<string>() : TitleSeparator().Split(pageTitle).Select(Key).Where(k => k.Length > 0).ToList();
        // Not when the page's metadata states that <h1> as the title, nor when the <title>'s other
        // end is the site's name ("Headline - Subtitle - site.de": the <h1> is the headline).
        if (titleParts.Count >= 2)
        {
            var edges = new HashSet<string>(StringComparer.Ordinal);
            if (!IsSiteNamePart(titleParts[^1], siteKey, hostKey))
            {
                edges.Add(titleParts[0]);
            }

            if (!IsSiteNamePart(titleParts[0], siteKey, hostKey))
            {
                edges.Add(titleParts[^1]);
            }

            candidates.RemoveAll(c => c.Element.LocalName == "h1" && edges.Contains(c.Key) && !statedByKey.ContainsKey(c.Key)
                && candidates.Any(o => o.Element.LocalName != "h1" && o.Key != c.Key && o.Key.Length > c.Key.Length && titleParts.Contains(o.Key)));
        }

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

        if (bestElement is not null && bestScore >= 45)
        {
            result.Title = bestText;
            result.TitleElement = bestElement;
            Source(result, "title", bestElement.LocalName);
            return;
        }

        foreach (var (text, source) in stated)
        {
            if (source != "<title>")
            {
                result.Title = StripSiteName(text, result.SiteName, hostKey);
                Source(result, "title", source);
                return;
            }
        }

        if (!string.IsNullOrEmpty(pageTitle))
        {
            result.Title = StripSiteName(pageTitle, result.SiteName, hostKey);
            Source(result, "title", "<title>");
        }
        else if (scan.FirstH1 is { } h1 && HtmlText.Of(h1) is { Length: > 0 } text)
        {
            result.Title = text;
            result.TitleElement = h1;
            Source(result, "title", "h1");
        }
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
        if (!skippedAny || Key(result).Length == 0)
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
            if (Key(text) == key)
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

        var key = Key(HtmlText.Of(heading));
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

    private static bool IsInsideFurniture(IElement element) =>
        element.ParentElement is { } parent && HasAncestor(parent, tag => tag is "nav" or "aside" or "footer", FurnitureClass());

    /// <summary>True when <paramref name="element"/> or an ancestor below &lt;body&gt; has one of the tags, or class/id names matching <paramref name="names"/>.</summary>
    private static bool HasAncestor(IElement element, Func<string, bool> tag, Regex names)
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

    /// <summary>Text compared loosely: case and punctuation ignored.</summary>
    internal static string Key(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// "Headline | Site", "Site » Headline" give "Headline": parts that are the site's name (its
    /// og:site_name or its host) go; of several parts left, the first, as title bars put the page
    /// before the site.
    /// </summary>
    internal static string StripSiteName(string title, string? siteName, string hostKey)
    {
        // A separator left dangling by the site's template ("National Rail Enquiries -") goes.
        title = DanglingSeparator().Replace(title, string.Empty);
        var parts = TitleSeparator().Split(title).Select(p => p.Trim()).Where(p => Key(p).Length > 0).ToArray();
        if (parts.Length < 2)
        {
            return title.Trim();
        }

        var site = siteName is null ? string.Empty : Key(siteName);
        var kept = parts.Where(p => !IsSiteNamePart(Key(p), site, hostKey)).ToArray();
        if (kept.Length == 0)
        {
            return title.Trim();
        }

        if (kept.Length < parts.Length)
        {
            return kept.Length == 1 ? kept[0] : StripSiteName(string.Join(" | ", kept), null, string.Empty);
        }

        // No part names the site: a bar or guillemet ends the headline ("Headline | Section"); a dash
        // may well be part of it ("Leasing oder Finanzierung – was lohnt sich mehr?").
        var bar = BarSeparator().Match(title);
        return bar.Success && bar.Index > 0 ? title.Substring(0, bar.Index).Trim() : title.Trim();
    }

    private static bool IsSiteNamePart(string part, string site, string hostKey) =>
        (site.Length > 0 && (part == site || (site.Length >= 4 && part.Contains(site, StringComparison.Ordinal) && part.Length <= site.Length + 12)))
        || (hostKey.Length >= 4 && (part == hostKey
            || (part.StartsWith(hostKey, StringComparison.Ordinal) && part.Length <= hostKey.Length + 8)
            || (part.Length >= 4 && hostKey.Contains(part, StringComparison.Ordinal))));

    /// <summary>The host's distinctive part, compared like <see cref="Key"/>: "www.zeit.de" gives "zeit".</summary>
    internal static string HostKey(Uri url)
    {
        var labels = url.Host.Split('.');
        if (labels.Length >= 2)
        {
            return Key(labels[labels.Length - 2]);
        }

        return Key(url.Host);
    }

    [GeneratedRegex(@"\s*\|\s*|\s+(?:»|«|::|//|·|•)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex BarSeparator();

    [GeneratedRegex(@"^(?:\s*[|–—·•»«/-])+\s*|(?:\s+[|–—·•»«/-]|\s*\|)+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DanglingSeparator();

    [GeneratedRegex(@"\s+[|–—·•»«:/-]{1,2}\s+|\s*\|\s*", RegexOptions.CultureInvariant)]
    private static partial Regex TitleSeparator();

    private static bool IsInsideHidden(IElement element)
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

    // ---- authors -------------------------------------------------------------------------

    private static void ReadAuthors(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri url, PageMetadata result)
    {
        var siteKey = result.SiteName is null ? string.Empty : Key(result.SiteName);
        var hostKey = HostKey(url);

        // The publisher named as the author counts only when no person is named anywhere.
        (string Name, string Source)? organisation = null;
        bool IsPerson(string name, string source)
        {
            if (!IsOrganisation(name, siteKey, hostKey))
            {
                return true;
            }

            organisation ??= (name, source);
            return false;
        }

        // Visible bylines are found either way: they are left out of the body.
        var visible = new List<(string Name, IElement Element)>();
        foreach (var element in scan.Authors)
        {
            if (IsInsideHidden(element) || visible.Any(v => Dom.IsInside(element, v.Element)) || IsInsideComments(element)
                || (Hints.Names(element) is { } names && PhotoCreditClass().IsMatch(names)))
            {
                continue;
            }

            var nameElement = element.QuerySelector("[itemprop~='name']") ?? SoleLink(element) ?? element;
            var text = HtmlText.Of(nameElement);
            var name = CleanAuthor(text);
            if (name is not null && IsPerson(name, "byline"))
            {
                visible.Add((name, element));
            }
        }

        if (ld is not null && ld.Authors.Count + ld.PageAuthors.Count > 0)
        {
            foreach (var name in ld.Authors)
            {
                if (CleanAuthor(name) is { } cleaned && !IsUrl(cleaned) && IsPerson(cleaned, "JSON-LD author"))
                {
                    Add(result, cleaned);
                }
            }

            // A WebPage's author is often the CMS account ("fhaacker", "sv_team"): only a name written as one counts.
            foreach (var name in ld.PageAuthors)
            {
                if (CleanAuthor(name) is { } cleaned && !IsUrl(cleaned) && LooksLikeName(cleaned, lowerCaseHandle: false) && IsPerson(cleaned, "JSON-LD author"))
                {
                    Add(result, cleaned);
                }
            }

            if (result.Authors.Count > 0)
            {
                Source(result, "authors", "JSON-LD author");
                AddElements(result, visible);
                return;
            }
        }

        foreach (var name in AuthorMetaNames)
        {
            var values = meta.All(name);
            foreach (var value in values)
            {
                if (!IsUrl(value) && !value.StartsWith('@') && CleanAuthor(value) is { } cleaned && IsPerson(cleaned, name))
                {
                    Add(result, cleaned);
                }
            }

            if (result.Authors.Count > 0)
            {
                Source(result, "authors", name);
                AddElements(result, visible);
                return;
            }
        }

        // The first byline names the article's author; later ones on the page are other posts',
        // an author box's or a list's. Elements that repeat that name are its bylines too.
        if (visible.Count > 0)
        {
            // Names side by side in one byline ("<a rel=author>A</a> and <a rel=author>B</a>") are co-authors.
            var first = visible[0];
            var names = visible.Where(v => v.Element == first.Element || IsCoAuthor(v.Element, first.Element)).Select(v => v.Name).ToList();
            foreach (var name in names)
            {
                Add(result, name);
            }

            Source(result, "authors", "byline");
            foreach (var (name, element) in visible)
            {
                if (names.Any(n => Key(n) == Key(name)))
                {
                    result.AuthorElements.Add(element);
                }
            }
        }
        else if (result.TitleElement is { } headline && TextBylineAfter(headline) is { } written && IsPerson(written.Name, "byline text"))
        {
            Add(result, written.Name);
            Source(result, "authors", "byline text");
            result.AuthorElements.Add(written.Element);
        }
        else if (organisation is { } publisher)
        {
            Add(result, publisher.Name);
            Source(result, "authors", publisher.Source);
        }
    }

    /// <summary>
    /// A byline written as text just after the headline, with no class that says so ("By Tim
    /// Anderson" in an <c>&lt;address&gt;</c>, "von Klaus Stanjek", "Gespeichert von rasos am 24. Juli"):
    /// the first short block within 40 elements of the title, before the text starts, that opens
    /// with a byline word and leaves a name.
    /// </summary>
    internal static (string Name, IElement Element)? TextBylineAfter(IElement title)
    {
        if (title.Owner?.Body is not { } root || !Dom.IsInside(title, root))
        {
            return null;
        }

        var node = Dom.Next(title, root, descend: false);
        for (var seen = 0; node is not null && seen < 40; seen++)
        {
            if (node is not IElement element)
            {
                node = Dom.Next(node, root, descend: true);
                seen--;
                continue;
            }

            if (HtmlText.IsSkipped(element) || Hints.BoilerplateTags.Contains(element.LocalName))
            {
                node = Dom.Next(element, root, descend: false);
                continue;
            }

            var tag = element.LocalName;
            if (tag is "h1" or "h2" || (tag == "p" && TextLongerThan(element, 200)))
            {
                // The next section, or the text itself, has started.
                return null;
            }

            if (tag is "address" or "p" or "div" or "span" or "small" or "li" or "em" or "i" or "strong" or "b" or "header"
                && !TextLongerThan(element, 160) && HtmlText.Of(element) is { Length: > 0 and <= 80 } text
                && (tag == "address" || TextBylineStart().IsMatch(text))
                && CleanAuthor(text) is { } name && LooksLikeName(name, lowerCaseHandle: VerbBylineStart().IsMatch(text)))
            {
                return (name, element);
            }

            node = Dom.Next(element, root, descend: true);
        }

        return null;
    }

    /// <summary>
    /// True when the text below <paramref name="element"/> is longer than <paramref name="limit"/>
    /// characters, or it holds more than four nodes a character (no line of text does); stops
    /// counting there, so a container holding the whole page costs no more than a line.
    /// </summary>
    private static bool TextLongerThan(IElement element, int limit)
    {
        var length = 0;
        var nodes = 0;
        for (var node = element.FirstChild; node is not null; node = Dom.Next(node, element, descend: true))
        {
            if (++nodes > 4 * limit || (node is IText text && (length += text.Data.Length) > limit))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One to five words, each capitalised or a name particle ("von", "de", "van der"); a lower-case handle ("rasos") only after "Gespeichert von", "Posted by" ….</summary>
    private static bool LooksLikeName(string name, bool lowerCaseHandle)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5)
        {
            return false;
        }

        if (words.Length == 1 && lowerCaseHandle)
        {
            return true;
        }

        foreach (var word in words)
        {
            if (!char.IsUpper(word[0]) && !NameParticles.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "von", "van", "der", "den", "de", "la", "le", "da", "di", "du", "dos", "del", "y", "und", "and", "&", "et", "zu", "ter", "ten", "bin", "al",
    };

    [GeneratedRegex(@"^(?:by|von|par|por|door|text|autor(?:in)?|author|redaktion|interview|(?:written|posted|submitted|published)\s+by|(?:gespeichert|geschrieben|verfasst|veröffentlicht)\s+von|(?:ein\s+|blog\s*)?beitrag\s+von|artikel\s+von)\b\s*:?\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TextBylineStart();

    [GeneratedRegex(@"^(?:(?:written|posted|submitted|published)\s+by|(?:gespeichert|geschrieben|verfasst|veröffentlicht)\s+von|(?:ein\s+|blog\s*)?beitrag\s+von|artikel\s+von)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbBylineStart();

    /// <summary>
    /// The publisher named as the author: the site's name (og:site_name, the JSON-LD publisher),
    /// the host's name ("Stern"), or a domain ("STERN.de", "hessenschau.de, Frankfurt").
    /// </summary>
    /// <summary>
    /// The one link of a byline that says more than the name ("By &lt;a&gt;Howard Blume&lt;/a&gt;
    /// &lt;span&gt;Staff Writer&lt;/span&gt;"): the link holds the name. Null when the byline is
    /// itself the link, holds several links (co-authors), or its link names no one or does not open it.
    /// </summary>
    private static IElement? SoleLink(IElement byline)
    {
        if (byline.LocalName == "a")
        {
            return null;
        }

        IElement? link = null;
        foreach (var descendant in byline.QuerySelectorAll("a"))
        {
            if (link is not null)
            {
                return null;
            }

            link = descendant;
        }

        // The link opens the byline's name ("Howard Blume" of "By Howard Blume Staff Writer"), not a
        // link after it ("Johanna Kropfitsch <a>Alle Artikel</a>", "par Attac France (avec <a>…</a>)"),
        // or the byline's whole text is no name ("Ein Beitrag von <a>Name</a> | 3 Kommentare").
        return link is not null
            && CleanAuthor(HtmlText.Of(link)) is { } name && name.Split(' ').Length <= 4
            && (CleanAuthor(HtmlText.Of(byline)) is not { } whole || Key(whole).StartsWith(Key(name), StringComparison.Ordinal))
            ? link
            : null;
    }

    /// <summary>A byline beside the first one: same parent, same tag, same class, rel and itemprop (not its "View author archive" link).</summary>
    private static bool IsCoAuthor(IElement element, IElement first) =>
        element.ParentElement == first.ParentElement
        && element.LocalName == first.LocalName
        && element.GetAttribute("class") == first.GetAttribute("class")
        && element.GetAttribute("rel") == first.GetAttribute("rel")
        && element.GetAttribute("itemprop") == first.GetAttribute("itemprop");

    internal static bool IsOrganisation(string name, string siteKey, string hostKey)
    {
        var key = Key(name);
        return TeamName().IsMatch(name)
            || (siteKey.Length > 0 && key == siteKey)
            || (hostKey.Length >= 4 && key.StartsWith(hostKey, StringComparison.Ordinal) && key.Length <= hostKey.Length + 4)
            || DomainName().IsMatch(name);
    }

    /// <summary>A byline element of a picture ("byline-image", "cutline-byline", "photo-credit"): the photographer, or a caption.</summary>
    [GeneratedRegex(@"image|photo|foto|picture|cutline|caption|credit|bildnachweis", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCreditClass();

    /// <summary>A newsroom signing as a whole ("Redaktion", "Editorial Team"), with a byline word before it or not.</summary>
    [GeneratedRegex(@"^(?:(?:by|von|vom|par|por|di)\s+)?(?<team>(?:die\s+)?redaktion|editorial\s+(?:team|staff)|staff|newsroom|rédaction|la\s+rédaction|redacción|redazione|redakcja)\s*[,.:]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeamName();

    [GeneratedRegex(@"\w\.(?:com|net|org|de|at|ch|fr|it|es|nl|be|eu|info|co\.uk|uk|io)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();

    /// <summary>Inside a comment thread, a reply form or a form's label: commenters and form fields, not the article's author.</summary>
    private static bool IsInsideComments(IElement element) =>
        HasAncestor(element, tag => tag is "form" or "label" or "textarea" or "input", CommentClass());

    [GeneratedRegex(@"comment|respond|\breply|discussion|kommentar|commentaire|disqus", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentClass();

    private static void AddElements(PageMetadata result, List<(string Name, IElement Element)> visible)
    {
        foreach (var (name, element) in visible)
        {
            if (result.Authors.Any(a => Key(name).Contains(Key(a), StringComparison.Ordinal)))
            {
                result.AuthorElements.Add(element);
            }
        }
    }

    private static void Add(PageMetadata result, string name)
    {
        if (!result.Authors.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            result.Authors.Add(name);
        }
    }

    /// <summary>An address rather than a name: absolute ("https://…", "www.…"), scheme-relative or a site path ("/@timoreilly", "/author/jane").</summary>
    private static bool IsUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || value.StartsWith('/');

    /// <summary>A byline made a name: "By", "Von", "Par", "Autor:" and dates after a separator removed; null when it does not look like a name.</summary>
    internal static string? CleanAuthor(string text)
    {
        var value = text.Replace('\n', ' ').Trim().TrimStart('|', '~', '•', '·', '-', '\u2013', '\u2014', '©', ' ');
        if (TeamName().Match(value) is { Success: true } team)
        {
            // "Redaktion", "von Redaktion,": the newsroom signs; kept as a publisher is (IsOrganisation).
            return team.Groups["team"].Value;
        }

        value = BylinePrefix().Replace(value, string.Empty).Trim();
        var cut = value.IndexOfAny(new[] { '|', '•', '·', '\u2013', '\u2014' });
        if (cut > 0)
        {
            value = value.Substring(0, cut).Trim();
        }

        // What follows the name: "… am 24. Juli 2020", "…, 12 March 2019", "(Pressesprecher …)", ", PhD", "in Valve".
        // Twice: "Michael Larabel in Valve on 2 March 2019" loses its date, then its category.
        value = AfterName().Replace(AfterName().Replace(value, string.Empty), string.Empty);
        value = value.Trim(',', ';', ':', '-', ' ');
        if (value.Length < 2 || value.Length > 80 || value.Count(char.IsDigit) > 0 || value.Split(' ').Length > 8
            || NotAName().IsMatch(value))
        {
            return null;
        }

        // A catalogue's order, "Gillman, Steve": the name as it is spoken.
        if (LastCommaFirst().Match(value) is { Success: true } inverted)
        {
            return inverted.Groups["first"].Value + " " + inverted.Groups["last"].Value;
        }

        return value;
    }

    [GeneratedRegex(@"^(?<last>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?),\s*(?<first>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.?|\s+\p{Lu}\p{Ll}+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex LastCommaFirst();

    [GeneratedRegex(@"(?:,|\s+(?:am|on|at|le|el|il|op|den|um|vom))\s+(?=[^,]{0,20}\d).*$|\s*\(.*$|,\s*(?:ph\.?\s?d|m\.?d|r\.?d|mba|msc|bsc)\.?\s*$|\s+in\s+(?-i:\p{Lu})\S*(?:\s+(?-i:\p{Lu})\S*)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterName();

    // "Veröffentlicht von", "Zeige alle Beiträge von", "View all posts by", "Posted by", "Von", "par" …
    [GeneratedRegex(@"^\s*(?:(?:written|posted|published|veröffentlicht|publiziert|geschrieben|erstellt|gespeichert|verfasst|eingestellt|publié|écrit|publicado|escrito)\s+(?:by|von|vom|par|por)(?=\p{Lu})|(?:(?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von|(?:view\s+)?all\s+posts\s+by|more\s+posts\s+by|(?:written|posted|published|veröffentlicht|publiziert|geschrieben|erstellt|gespeichert|verfasst|eingestellt|publié|écrit|publicado|escrito)\s+(?:by|von|vom|par|por)|(?:ein\s+|blog\s*)?beitrag\s+von|artikel\s+von|submitted\s+by|reporting\s+by|interview|redaktion|by|von|vom|par|por|di|door|autor(?:in)?|author|auteur|text)\b|责任编辑)[:：\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    // Form labels, bare byline labels ("Posted on", "Veröffentlicht am"), commenters ("Anna says")
    // and "no author": not names.
    [GeneratedRegex(@"^(?:name|nom|nombre|e-?mail|website|webseite|autor(?:en|in|innen)?|authors?|auteurs?|posted|published|veröffentlicht|publiziert|no author|anonymous|admin|administrator|redaktion|editorial team|staff)\b\s*(?:\*|\(.*\)|am|on|le|\W)*$|\s(?:says|sagt|dit|schreibt|writes|wrote|schrieb)\s*:?$|\bmore posts$|^@|^(?:fotos?|photos?|bild(?:er)?|image|credits?|quelle|source)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    // ---- date ----------------------------------------------------------------------------

    private static void ReadDate(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri url, PageMetadata result)
    {
        ReadPublished(scan, meta, ld, url, result);
        if (result.Published is { } published && published.Offset == TimeSpan.Zero)
        {
            result.Published = InPageOffset(published, OtherDateValues(scan, meta));
        }
    }

    /// <summary>Meta dates of the last change: written without an offset, their clock time is another moment's.</summary>
    private static readonly HashSet<string> ModifiedDateNames = new(StringComparer.Ordinal) { "og:updated_time", "article:modified_time", "last-modified" };

    /// <summary>
    /// The page's other date values: meta tags and date elements' attributes (those of the last
    /// change only when written with an offset: the same instant then still tells the offset).
    /// Dates written in the text are left out: beside the article's time they hold events'
    /// ("Konzert um 18:00").
    /// </summary>
    private static IEnumerable<(DateTimeOffset Value, bool Naive)> OtherDateValues(PageScan scan, MetaTags meta)
    {
        foreach (var name in DateMetaNames)
        {
            foreach (var value in meta.All(name))
            {
                if (DateParser.TryParse(value, Array.Empty<string>(), null, null, out var date, out var naive)
                    && !(naive && ModifiedDateNames.Contains(name)))
                {
                    yield return (date, naive);
                }
            }
        }

        foreach (var element in scan.Dates)
        {
            var modified = Hints.Names(element) is { } names
                && (names.Contains("updated", StringComparison.OrdinalIgnoreCase) || names.Contains("modified", StringComparison.OrdinalIgnoreCase));
            if ((element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.GetAttribute("title")) is { } value
                && DateParser.TryParse(value, Array.Empty<string>(), null, null, out var date, out var naive)
                && !(naive && modified))
            {
                yield return (date, naive);
            }
        }
    }

    /// <summary>
    /// A time given in UTC ("2022-05-04T02:41:00Z") in the offset the page itself shows it in,
    /// when another of its date values is the same instant written with an offset
    /// ("2022-05-03T22:41:00-04:00") or as local time without one ("2023-11-08 23:30:59" beside
    /// "2023-11-09T05:30:59Z"; "2021-11-05" beside "2021-11-04T23:00:00Z"). The instant is kept;
    /// the day a reader of the page sees is the one the output gives.
    /// </summary>
    internal static DateTimeOffset InPageOffset(DateTimeOffset utc, IEnumerable<(DateTimeOffset Value, bool Naive)> values)
    {
        foreach (var (other, naive) in values)
        {
            TimeSpan offset;
            if (!naive)
            {
                if (other.Offset == TimeSpan.Zero || other.UtcDateTime != utc.UtcDateTime)
                {
                    continue;
                }

                offset = other.Offset;
            }
            else
            {
                // Local clock time minus UTC: a whole number of quarter hours within the world's offsets.
                // A day without a time ("2021-11-05") says only which day it is there: it counts when
                // the UTC time falls on the day before, as a day's start east of Greenwich.
                offset = other.DateTime - utc.UtcDateTime;
                var dayOnly = other.TimeOfDay == TimeSpan.Zero;
                if (offset == TimeSpan.Zero || offset < TimeSpan.FromHours(dayOnly ? 0 : -12) || offset > TimeSpan.FromHours(14)
                    || offset.Ticks % TimeSpan.FromMinutes(15).Ticks != 0)
                {
                    continue;
                }
            }

            return utc.ToOffset(offset);
        }

        return utc;
    }

    private static void ReadPublished(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri url, PageMetadata result)
    {
        var zone = WrittenDateZone(result.Language);
        if (TryDate(ld?.DatePublished, out var fromLd))
        {
            result.Published = fromLd;
            Source(result, "published", "JSON-LD datePublished");
            return;
        }

        foreach (var name in DateMetaNames)
        {
            foreach (var value in meta.All(name))
            {
                if (TryDate(value, out var fromMeta))
                {
                    result.Published = fromMeta;
                    Source(result, "published", name);
                    return;
                }
            }
        }

        foreach (var element in scan.Dates)
        {
            var value = element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.GetAttribute("title") ?? HtmlText.Of(element);
            if (!TryDate(value, out var fromElement))
            {
                if (DateText.Find(HtmlText.Of(element), zone) is not { } written)
                {
                    continue;
                }

                fromElement = written;
            }

            {
                result.Published = fromElement;
                if (element.LocalName != "meta")
                {
                    result.DateElement = element;
                }

                Source(result, "published", element.LocalName == "time" ? "<time datetime>" : "microdata");
                return;
            }
        }

        if (DateText.FromUrl(url, zone) is { } fromUrl)
        {
            result.Published = fromUrl;
            Source(result, "published", "URL");
            return;
        }

        foreach (var element in scan.DateTexts)
        {
            var text = HtmlText.Of(element);
            if (text.Length > 120 || IsInsideHidden(element))
            {
                continue;
            }

            if (DateText.Find(text, zone) is { } written)
            {
                result.Published = written;
                result.DateElement = element;
                Source(result, "published", "byline text");
                return;
            }
        }

        // Last, a date written in a short line of the page ("Stand: 5. Februar 2020", "<small>04.02.2022 |
        // 13:10 Uhr</small>"), the first outside navigation, sidebars and comments.
        foreach (var element in scan.DatedLines)
        {
            var text = HtmlText.Of(element);
            if (text.Length > 100 || IsInsideHidden(element) || IsInsideFurniture(element) || IsInsideComments(element))
            {
                continue;
            }

            if (DateText.Find(text, zone) is { } written)
            {
                result.Published = written;
                result.DateElement = element;
                Source(result, "published", "text");
                return;
            }
        }
    }

    /// <summary>
    /// The zone a date written without one is read in: Japan's and Korea's (UTC+9, no daylight
    /// saving) on pages in Japanese or Korean, where a written day is meant there; UTC elsewhere,
    /// where the language does not tell the zone.
    /// </summary>
    internal static TimeSpan WrittenDateZone(string? language) =>
        language is { Length: >= 2 } && (language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) || language.StartsWith("ko", StringComparison.OrdinalIgnoreCase))
            && (language.Length == 2 || language[2] is '-' or '_')
            ? TimeSpan.FromHours(9)
            : TimeSpan.Zero;

    private static bool TryDate(string? value, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (DateParser.TryParse(value, Array.Empty<string>(), null, null, out date, out _))
        {
            return date.Year is >= 1990 and <= 2100;
        }

        if (DateText.Find(value) is { } written)
        {
            date = written;
            return true;
        }

        return false;
    }

    // ---- image ---------------------------------------------------------------------------

    private static void ReadImage(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri baseUrl, PageMetadata result)
    {
        var fromMeta = meta.First("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnail");
        var candidates = new List<(string? Value, string Source)>
        {
            (fromMeta?.Value, fromMeta?.Name ?? "og:image"),
            (ld?.Image, "JSON-LD image"),
            (scan.ImageLink?.GetAttribute("href"), "link rel=image_src"),
        };
        foreach (var (value, source) in candidates)
        {
            if (value is not null && UrlResolver.Absolute(baseUrl, value) is { } absolute)
            {
                result.Image = absolute;
                Source(result, "image", source);
                return;
            }
        }
    }
}
