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
/// The article's authors: JSON-LD, meta tags, microdata and the visible bylines, the publisher
/// itself counted only when no person is named.
/// </summary>
internal static partial class AuthorReader
{
    private static readonly string[] AuthorMetaNames =
    {
        "article:author", "og:article:author", "author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
        "byl", "citation_author", "twitter:creator",
    };

    internal static void Read(PageScan scan, MetaTags meta, JsonLdArticle? ld, Uri url, PageMetadata result)
    {
        var siteKey = result.SiteName is null ? string.Empty : TitleText.Key(result.SiteName);
        var hostKey = TitleText.HostKey(url);

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
            if (TitleReader.IsInsideHidden(element) || visible.Any(v => Dom.IsInside(element, v.Element)) || IsInsideComments(element)
                || (Hints.Names(element) is { } names && PhotoCreditClass().IsMatch(names)))
            {
                continue;
            }

            var nameElement = element.QuerySelector("[itemprop~='name']") ?? SoleLink(element) ?? element;
            var text = HtmlText.Of(nameElement);
            var name = Bylines.CleanAuthor(text);
            if (name is not null && IsPerson(name, "byline"))
            {
                visible.Add((name, element));
            }
        }

        if (ld is not null && ld.Authors.Count + ld.PageAuthors.Count > 0)
        {
            foreach (var name in ld.Authors)
            {
                if (Bylines.CleanAuthor(name) is { } cleaned && !IsUrl(cleaned) && IsPerson(cleaned, "JSON-LD author"))
                {
                    Add(result, cleaned);
                }
            }

            // A WebPage's author is often the CMS account ("fhaacker", "sv_team"): only a name written as one counts.
            foreach (var name in ld.PageAuthors)
            {
                if (Bylines.CleanAuthor(name) is { } cleaned && !IsUrl(cleaned) && Bylines.LooksLikeName(cleaned, lowerCaseHandle: false) && IsPerson(cleaned, "JSON-LD author"))
                {
                    Add(result, cleaned);
                }
            }

            if (result.Authors.Count > 0)
            {
                MetadataReader.Source(result, "authors", "JSON-LD author");
                AddElements(result, visible);
                return;
            }
        }

        foreach (var name in AuthorMetaNames)
        {
            var values = meta.All(name);
            foreach (var value in values)
            {
                if (!IsUrl(value) && !value.StartsWith('@') && Bylines.CleanAuthor(value) is { } cleaned && IsPerson(cleaned, name))
                {
                    Add(result, cleaned);
                }
            }

            if (result.Authors.Count > 0)
            {
                MetadataReader.Source(result, "authors", name);
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

            MetadataReader.Source(result, "authors", "byline");
            foreach (var (name, element) in visible)
            {
                if (names.Any(n => TitleText.Key(n) == TitleText.Key(name)))
                {
                    result.AuthorElements.Add(element);
                }
            }
        }
        else if (result.TitleElement is { } headline && TextBylineAfter(headline) is { } written && IsPerson(written.Name, "byline text"))
        {
            Add(result, written.Name);
            MetadataReader.Source(result, "authors", "byline text");
            result.AuthorElements.Add(written.Element);
        }
        else if (organisation is { } publisher)
        {
            Add(result, publisher.Name);
            MetadataReader.Source(result, "authors", publisher.Source);
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
                && Bylines.CleanAuthor(text) is { } name && Bylines.LooksLikeName(name, lowerCaseHandle: VerbBylineStart().IsMatch(text)))
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

    [GeneratedRegex(@"^(?:by|von|par|por|door|text|autor(?:in)?|author|redaktion|interview|(?:written|posted|submitted|published)\s+by|(?:gespeichert|geschrieben|verfasst|veröffentlicht)\s+von|(?:ein\s+|blog\s*)?beitrag\s+von|artikel\s+von)\b\s*:?\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TextBylineStart();

    [GeneratedRegex(@"^(?:(?:written|posted|submitted|published)\s+by|(?:gespeichert|geschrieben|verfasst|veröffentlicht)\s+von|(?:ein\s+|blog\s*)?beitrag\s+von|artikel\s+von)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbBylineStart();

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
            && Bylines.CleanAuthor(HtmlText.Of(link)) is { } name && name.Split(' ').Length <= 4
            && (Bylines.CleanAuthor(HtmlText.Of(byline)) is not { } whole || TitleText.Key(whole).StartsWith(TitleText.Key(name), StringComparison.Ordinal))
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

    /// <summary>
    /// The publisher named as the author: the site's name (og:site_name, the JSON-LD publisher),
    /// the host's name ("Stern"), or a domain ("STERN.de", "hessenschau.de, Frankfurt").
    /// </summary>
    internal static bool IsOrganisation(string name, string siteKey, string hostKey)
    {
        var key = TitleText.Key(name);
        return Bylines.TeamName().IsMatch(name)
            || (siteKey.Length > 0 && key == siteKey)
            || (hostKey.Length >= 4 && key.StartsWith(hostKey, StringComparison.Ordinal) && key.Length <= hostKey.Length + 4)
            || DomainName().IsMatch(name);
    }

    /// <summary>A byline element of a picture ("byline-image", "cutline-byline", "photo-credit"): the photographer, or a caption.</summary>
    [GeneratedRegex(@"image|photo|foto|picture|cutline|caption|credit|bildnachweis", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCreditClass();

    [GeneratedRegex(@"\w\.(?:com|net|org|de|at|ch|fr|it|es|nl|be|eu|info|co\.uk|uk|io)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();

    /// <summary>Inside a comment thread, a reply form or a form's label: commenters and form fields, not the article's author.</summary>
    internal static bool IsInsideComments(IElement element) =>
        TitleReader.HasAncestor(element, tag => tag is "form" or "label" or "textarea" or "input", CommentClass());

    [GeneratedRegex(@"comment|respond|\breply|discussion|kommentar|commentaire|disqus", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentClass();

    private static void AddElements(PageMetadata result, List<(string Name, IElement Element)> visible)
    {
        foreach (var (name, element) in visible)
        {
            if (result.Authors.Any(a => TitleText.Key(name).Contains(TitleText.Key(a), StringComparison.Ordinal)))
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
}
