using System;
using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsRules.Generic;

/// <summary>What an element's tag, class, id and role say about it.</summary>
internal enum Hint : byte
{
    /// <summary>Nothing either way.</summary>
    None,

    /// <summary>Names the article's text: <c>itemprop=articleBody</c>, <c>entry-content</c>, <c>article-body</c> …</summary>
    Content,

    /// <summary>A word that often, not always, names the text: "article", "story", "content", "post", "text".</summary>
    MaybeContent,

    /// <summary>Boilerplate: navigation, share bars, related lists, newsletter boxes, comments, cookie banners, ads.</summary>
    Boilerplate,

    /// <summary>Page structure around the article: sidebars, navigation, footers, widgets, menus. Never the article.</summary>
    Structure,

    /// <summary>"teaser": a link to another article, or (on German sites) the article's own lead.</summary>
    Teaser,
}

/// <summary>
/// The class/id/role vocabulary of page furniture, as Readability, trafilatura and jusText
/// learnt it: words that mark boilerplate (share, related, newsletter, comment, cookie …) and
/// words that mark the article's text (entry-content, article-body, itemprop=articleBody …).
/// </summary>
internal static partial class Hints
{
    /// <summary>Tags that are page furniture wherever they stand.</summary>
    public static readonly FrozenSet<string> BoilerplateTags = new[]
    {
        "nav", "aside", "footer", "menu", "dialog", "select", "button", "label", "fieldset", "legend",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly HashSet<string> BoilerplateRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog", "tablist", "toolbar",
    };

    /// <summary>What the element's tag, role, itemprop, class and id say; <paramref name="cache"/> remembers class/id verdicts within one page.</summary>
    public static Hint Of(IElement element, Dictionary<string, Hint>? cache = null) => Of(element, cache, out _, out _);

    /// <summary>
    /// As <see cref="Of(IElement, Dictionary{string, Hint}?)"/>, and the element's role and class
    /// as <c>GetAttribute</c> gives them (null when absent), read in the same pass over its
    /// attributes: the content scorer asks for both again (role=main, caption classes).
    /// </summary>
    public static Hint Of(IElement element, Dictionary<string, Hint>? cache, out string? role, out string? cls)
    {
        // One pass over the attributes (as GetAttribute reads them, by qualified name; the parser
        // lower-cases them) instead of four searches: role, itemprop, class and id.
        role = null;
        cls = null;
        string? itemprop = null, id = null;
        var attributes = element.Attributes;
        var count = attributes.Length;
        for (var i = 0; i < count; i++)
        {
            if (attributes[i] is not { } attribute)
            {
                continue;
            }

            switch (attribute.Name)
            {
                case "role":
                    role ??= attribute.Value;
                    break;
                case "itemprop":
                    itemprop ??= attribute.Value;
                    break;
                case "class":
                    cls ??= attribute.Value;
                    break;
                case "id":
                    id ??= attribute.Value;
                    break;
            }
        }

        if (BoilerplateTags.Contains(element.LocalName))
        {
            return Hint.Structure;
        }

        if (role is not null && BoilerplateRoles.Contains(role.Trim()))
        {
            return Hint.Structure;
        }

        if (itemprop is not null && (itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase) || itemprop.Contains("reviewBody", StringComparison.OrdinalIgnoreCase)))
        {
            return Hint.Content;
        }

        var names = Names(cls, id);
        if (names is null)
        {
            return Hint.None;
        }

        if (cache is null)
        {
            return OfNames(names);
        }

        if (!cache.TryGetValue(names, out var hint))
        {
            cache[names] = hint = OfNames(names);
        }

        return hint;
    }

    internal static Hint OfNames(string names)
    {
        if (!System.Text.Ascii.IsValid(names))
        {
            // Outside ASCII, regex case-insensitivity and the searches' differ: the patterns decide.
            return OfNamesByPatterns(names);
        }

        // ASCII names: each pattern is split into the words it matches anywhere (one vectorised
        // search for all of them) and a small pattern for the words it wants at a word boundary,
        // which runs only when the names hold one of those words. Same verdicts as the patterns
        // (OfNamesByPatterns); a regex of a hundred alternatives costs far more than the search.
        var span = names.AsSpan();
        if (!span.ContainsAny(AnyWord))
        {
            // None of the words below, and every verdict but None needs one of them: one search
            // instead of eight for the many names that say nothing ("row", "col-md-8", "clearfix").
            return Hint.None;
        }

        if (span.ContainsAny(StructureLiterals) || (span.ContainsAny(StructureBoundWords) && StructureBound().IsMatch(names)))
        {
            return Hint.Structure;
        }

        if (span.ContainsAny(BoilerplateLiterals) || (span.ContainsAny(BoilerplateBoundWords) && BoilerplateBound().IsMatch(names)))
        {
            return IsContent(names) && !(span.ContainsAny(StrongLiterals) || (span.ContainsAny(StrongBoundWords) && StrongBound().IsMatch(names)))
                ? Hint.None
                : Hint.Boilerplate;
        }

        return IsContent(names) ? Hint.Content
            : span.Contains("teaser", StringComparison.OrdinalIgnoreCase) || (span.ContainsAny(TeaserBoundWords) && TeaserBound().IsMatch(names)) ? Hint.Teaser
            : span.ContainsAny(WeakWords) && WeakContentNames().IsMatch(names) ? Hint.MaybeContent
            : Hint.None;
    }

    private static bool IsContent(string names) =>
        names.AsSpan().ContainsAny(ContentLiterals) || (names.Contains("hentry", StringComparison.OrdinalIgnoreCase) && HentryBound().IsMatch(names));

    /// <summary>The verdict of the class/id patterns themselves (the reference <see cref="OfNames"/> keeps to).</summary>
    internal static Hint OfNamesByPatterns(string names)
    {
        if (StructureNames().IsMatch(names))
        {
            return Hint.Structure;
        }

        if (BoilerplateNames().IsMatch(names))
        {
            return ContentNames().IsMatch(names) && !StrongBoilerplateNames().IsMatch(names) ? Hint.None : Hint.Boilerplate;
        }

        return ContentNames().IsMatch(names) ? Hint.Content
            : TeaserNames().IsMatch(names) ? Hint.Teaser
            : WeakContentNames().IsMatch(names) ? Hint.MaybeContent
            : Hint.None;
    }

    // The patterns below, split: the alternatives that are plain words (x-?y written out as "x-y"
    // and "xy") and the ones that want a word boundary, with the words those contain.
    private static readonly string[] StructureLiteralWords = [
        "sidebar", "side-bar", "footer", "navbar", "navigation", "breadcrumb", "cookie", "consent"];

    private static readonly SearchValues<string> StructureLiterals = Words(StructureLiteralWords);

    private static readonly string[] StructureBoundWordList = ["widget", "nav", "menu"];

    private static readonly SearchValues<string> StructureBoundWords = Words(StructureBoundWordList);

    [GeneratedRegex(@"(?<![\w-])widget|\bnav\b|\bnav[-_]|\bmenu", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StructureBound();

    private static readonly string[] BoilerplateLiteralWords = [
        "comment", "disqus", "share", "sharing", "social", "sociable", "shariff", "addthis", "addtoany", "sharethis",
        "related", "recommend", "also-read", "alsoread", "more-stories", "morestories", "more-articles", "morearticles",
        "more-news", "morenews", "more-posts", "moreposts", "yarpp", "outbrain", "taboola", "plista", "ligatus",
        "newsletter", "subscri", "signup", "sign-up", "cookie", "consent", "gdpr", "breadcrumb", "bread-crumb", "sidebar", "side-bar",
        "footer", "navbar", "navigation", "menu", "pagination", "paging", "advert",
        "sponsor", "promo", "skyscraper", "adsense", "werbung", "anzeige", "popup", "modal", "overlay", "tag-list", "taglist", "tagcloud",
        "keywords", "schlagw", "post-meta", "postmeta", "entry-meta", "entrymeta", "article-meta", "articlemeta", "meta-info", "metainfo",
        "postmetadata", "byline", "author", "dateline", "timestamp",
        "login", "search", "skip-link", "skiplink", "screen-reader", "screenreader", "sr-only", "visually-hidden", "visuallyhidden",
        "rating", "toolbar", "utility", "carousel", "slider", "top-stories", "topstories",
        "most-popular", "mostpopular", "most-read", "mostread", "most-viewed", "mostviewed", "trending", "popular",
        "infobox-links", "infoboxlinks", "jp-", "wpcnt", "wp-block-buttons", "masthead", "topbar", "site-info", "siteinfo",
        "copyright", "legal", "impressum", "imprint", "contact"];

    private static readonly SearchValues<string> BoilerplateLiterals = Words(BoilerplateLiteralWords);

    private static readonly string[] BoilerplateBoundWordList = [
        "respond", "reply", "widget", "nav", "pager", "banner", "ad", "dfp", "tag", "rss", "vote", "like", "tools", "cta", "button", "btn", "icon"];

    private static readonly SearchValues<string> BoilerplateBoundWords = Words(BoilerplateBoundWordList);

    [GeneratedRegex(
        @"respond\b|\breply|(?<![\w-])widget|\bnav\b|\bnav[-_]|pager\b|\bbanner|\bads?\b|\bads?[-_]|[-_]ads?\b|\bdfp|\btags?\b|[-_]tags?\b|" +
        @"\brss\b|\bvote|\blikes?\b|\btools\b|\bcta\b|\bbutton|\bbtn\b|\bicons?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateBound();

    private static readonly SearchValues<string> StrongLiterals = Words(
        "comment", "disqus", "share", "sharing", "social", "shariff", "related", "recommend", "newsletter", "subscri", "cookie", "consent",
        "breadcrumb", "sidebar", "footer", "navigation", "navbar", "menu", "pagination", "advert", "sponsor", "outbrain", "taboola", "byline",
        "more-stories", "morestories", "more-articles", "morearticles", "more-news", "morenews", "more-posts", "moreposts");

    private static readonly SearchValues<string> StrongBoundWords = Words("widget", "tag");

    [GeneratedRegex(@"(?<![\w-])widget|\btags?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrongBound();

    private static readonly string[] ContentLiteralWords = [
        "article-body", "articlebody", "article-text", "articletext", "article-content", "articlecontent", "article__body", "article__content",
        "story-body", "storybody", "storycontent", "story-content", "entry-content", "entrycontent", "entry-body", "entrybody",
        "post-content", "postcontent", "post-body", "postbody", "post-text", "posttext", "post-entry", "postentry", "blog-content", "blogcontent",
        "single-content", "singlecontent", "main-content", "maincontent", "content-main", "contentmain", "content-body", "contentbody",
        "content__body", "page-content", "pagecontent", "text-content", "textcontent", "body-text", "bodytext", "field-body", "fieldbody", "fulltext"];

    private static readonly SearchValues<string> ContentLiterals = Words(ContentLiteralWords);

    [GeneratedRegex(@"\bhentry\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HentryBound();

    private static readonly string[] TeaserBoundWordList = ["promo", "card"];

    private static readonly SearchValues<string> TeaserBoundWords = Words(TeaserBoundWordList);

    [GeneratedRegex(@"\bpromo|\bcard\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeaserBound();

    // Words without which the weak-content pattern cannot match.
    private static readonly string[] WeakWordList = [
        "artikel", "beitrag", "inhalt", "article", "story", "content", "entry", "post", "text", "main"];

    private static readonly SearchValues<string> WeakWords = Words(WeakWordList);

    /// <summary>
    /// Every word some search of <see cref="OfNames"/> must find before it gives a verdict other
    /// than None ("hentry" and "teaser" included): names holding none of them are None.
    /// </summary>
    internal static readonly string[] VerdictWords =
    [
        .. StructureLiteralWords, .. StructureBoundWordList, .. BoilerplateLiteralWords, .. BoilerplateBoundWordList,
        .. ContentLiteralWords, "hentry", "teaser", .. TeaserBoundWordList, .. WeakWordList,
    ];

    private static readonly SearchValues<string> AnyWord = Words(VerdictWords.Distinct(StringComparer.OrdinalIgnoreCase).ToArray());

    private static SearchValues<string> Words(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The element's class and id, joined by a space, or null when it has neither. WordPress's
    /// taxonomy classes ("category-popular", "tag-comments") name the post's topics, not the
    /// element's role, and are left out.
    /// </summary>
    public static string? Names(IElement element) => Names(element.GetAttribute("class"), element.Id);

    private static string? Names(string? cls, string? id)
    {
        if (cls is not null && (cls.Contains("category-", StringComparison.Ordinal) || cls.Contains("tag-", StringComparison.Ordinal)))
        {
            cls = TaxonomyClass().Replace(cls, " ");
        }

        if (string.IsNullOrEmpty(cls))
        {
            return string.IsNullOrEmpty(id) ? null : id;
        }

        return string.IsNullOrEmpty(id) ? cls : cls + " " + id;
    }

    /// <summary>True for a caption: figcaption, or an element whose class says caption (wp-caption-text, image-caption …).</summary>
    public static bool IsCaption(IElement element) => IsCaption(element, element.GetAttribute("class"));

    /// <summary>As <see cref="IsCaption(IElement)"/>, with the element's class attribute already read (<paramref name="cls"/>).</summary>
    public static bool IsCaption(IElement element, string? cls) =>
        element.LocalName == "figcaption" || (cls is not null && CaptionNames().IsMatch(cls));

    // Words of page furniture, matched anywhere in class or id. Kept to names that are rarely part
    // of an article's own container: "footnote" is not "footer", "teaser" is the lead on German
    // sites, "elementor-widget" and "cmp-" (a component) wrap everything on some builders, and
    // "print", "header", "paywall" and "hidden-xs" mark text that readers do see.
    [GeneratedRegex(
        @"comment|disqus|respond\b|\breply|share|sharing|social|sociable|shariff|addthis|addtoany|sharethis|" +
        @"related|recommend|also-?read|more-?(stories|articles|news|posts)|yarpp|outbrain|taboola|plista|ligatus|" +
        @"newsletter|subscri|signup|sign-up|cookie|consent|gdpr|breadcrumb|bread-crumb|sidebar|side-bar|(?<![\w-])widget|" +
        @"footer|\bnav\b|\bnav[-_]|navbar|navigation|menu|pagination|pager\b|paging|\bbanner|advert|\bads?\b|\bads?[-_]|[-_]ads?\b|" +
        @"sponsor|promo|skyscraper|\bdfp|adsense|werbung|anzeige|popup|modal|overlay|\btags?\b|tag-?list|tagcloud|[-_]tags?\b|" +
        @"keywords|schlagw|post-?meta|entry-?meta|article-?meta|meta-?info|postmetadata|byline|author|dateline|timestamp|" +
        @"\brss\b|login|search|skip-?link|screen-?reader|sr-only|visually-?hidden|" +
        @"rating|\bvote|\blikes?\b|toolbar|\btools\b|utility|carousel|slider|top-?stories|most-?(popular|read|viewed)|mostread|trending|popular|" +
        @"\bcta\b|infobox-?links|jp-|wpcnt|wp-block-buttons|\bbutton|\bbtn\b|\bicons?\b|masthead|topbar|site-?info|copyright|legal|impressum|imprint|contact",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateNames();

    // Furniture so specific that an article-ish word beside it does not save the element ("article-comments", "post-share").
    [GeneratedRegex(
        @"comment|disqus|share|sharing|social|shariff|related|recommend|newsletter|subscri|cookie|consent|breadcrumb|sidebar|(?<![\w-])widget|footer|navigation|navbar|menu|pagination|advert|sponsor|outbrain|taboola|byline|\btags?\b|more-?(stories|articles|news|posts)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrongBoilerplateNames();

    [GeneratedRegex(
        @"article-?body|articlebody|article-?text|articletext|article-?content|article__body|article__content|story-?body|storycontent|story-?content|" +
        @"entry-?content|entry-?body|post-?content|post-?body|post-?text|post-?entry|postentry|blog-?content|single-?content|" +
        @"main-?content|content-?main|content-?body|content__body|page-?content|text-?content|body-?text|field-?body|fulltext|\bhentry\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentNames();

    [GeneratedRegex(
        @"\bartikel|\bbeitrag|\binhalt|\barticle\b|\bstory\b|\bcontent\b|\bentry\b|\bpost\b|\btext\b|\bmain\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeakContentNames();

    [GeneratedRegex(@"sidebar|side-bar|(?<![\w-])widget|footer|\bnav\b|\bnav[-_]|navbar|navigation|\bmenu|breadcrumb|cookie|consent", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StructureNames();

    [GeneratedRegex(@"teaser|\bpromo|\bcard\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeaserNames();

    /// <summary>
    /// True for a short block that is page furniture by its words alone: "Share this", "Mehr zum
    /// Thema", "Read more", "War der Artikel nützlich?", a lone date or time, a photo credit.
    /// </summary>
    public static bool IsBoilerplateText(string text) =>
        text.Length <= 80 && (BoilerplateText().IsMatch(text) || DateText.IsDateOnly(text));

    [GeneratedRegex(
        @"^(?:share|teilen|partager|compartir|condividi|delen|tweet|drucken|print|mehr zum thema|mehr dazu|auch interessant|lesen sie auch|lesen sie mehr|weiterlesen|weitere artikel|weitere informationen|" +
        @"das könnte (?:sie|dich) auch interessieren|(?:das thema )?könnte (?:sie|dich) auch interessieren|ähnliche (?:beiträge|artikel)|verwandte (?:beiträge|artikel)|empfohlene artikel|" +
        @"read more|related|more from|more on|you may also like|you might also like|recommended|explore further|further reading|see also|" +
        @"czytaj (?:też|także|więcej)|zobacz (?:też|także)|dowiedz się więcej|quellenangaben|originalpublikation|schlagworte|stichworte|" +
        @"à lire aussi|lire aussi|lire la suite|voir aussi|leer más|lee también|leggi anche|leggi tutto|lees ook|" +
        @"war (?:der|dieser) artikel|wie (?:hat|gefällt) (?:ihnen|dir)|(?:möchten sie|jetzt) (?:den|diesen) artikel|was this (?:article|helpful)|rate this|bewerten|gefällt mir|like this|" +
        @"foto|photo|credits?|crédits?|titelbild|beitragsbild|bildquelle|bildnachweis|image|bild:|quelle:|source:|copyright|©|\(c\)|-? ?anzeige|advertisement|werbung|sponsored|" +
        @"letzte änderung|zuletzt (?:aktualisiert|geändert)|last (?:modified|updated)|ultima modifica|aktualisiert am|\d+ min(?:ute)?s? read|lesezeit|view comments|kommentieren|kommentare schreiben|" +
        @"weiterführende (?:links?|informationen)|pour lire la suite|unterstütze|support us|info zur bewertung|vorschau auf|" +
        @"tags?|schlagw|kategorie|category|categories|themen|topics|abonnieren|subscribe|newsletter|zurück|back to|nach oben)(?:\b|\s|:|$).{0,60}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateText();

    /// <summary>
    /// True for a post's meta line: a date with separators or labels around it, as blogs print
    /// above or below a post ("January 13, 2020 at 08:45 AM | categories: Python | View
    /// Comments", "24.01.2022 11:38 Kategorie: News", "Freitag | 14. Juni 2019 | 15:49 VON …").
    /// A sentence that mentions a date ("On 14 June 2019 the council met.") is not one.
    /// </summary>
    public static bool IsPostMetaLine(string text) =>
        text.Length <= 100 && MetaSeparators().IsMatch(text) && (DateText.Find(text) is not null || DateText.IsDateOnly(text.Split('|')[0].Trim()));

    [GeneratedRegex(@"\s[|•·]\s|^[|•·]|[|•·]$|\b(?:kategorie|category|categories|categoría|catégorie|rubrik|tags?|schlagworte|posted in|veröffentlicht in|publié dans|filed under)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaSeparators();

    /// <summary>
    /// True for a heading that opens the page's after-article furniture: "Über den Autor",
    /// "Mehr zum Thema", "Related stories", "Kommentare", "Leave a reply", "Newsletter".
    /// </summary>
    public static bool IsSectionEndHeading(string text) => text.Length <= 60 && SectionEnd().IsMatch(text);

    [GeneratedRegex(
        @"^\W*(?:about the author|über (?:den|die) autor(?:in)?|zu[mr] autor(?:in)?|(?:der|die) autor(?:in)?|autor(?:in)?|author|about us|über uns|à propos de l'auteur|" +
        @"related|ähnliche|verwandte|mehr zum thema|mehr (?:aus|zu[mr]?|von|über|artikel|news|nachrichten)\b|weitere (?:artikel|beiträge|nachrichten|themen|news|meldungen|informationen)|" +
        @"das könnte|könnte (?:sie|dich) (?:auch )?interessieren|auch interessant|lesen sie (?:auch|mehr)|read (?:more|next|also)|more (?:stories|from|on|news|articles)|you (?:may|might) also|recommended|empfohlen|empfehlungen|" +
        @"(?:\d+ )?kommentare?|(?:\d+ )?comments?|leave a (?:reply|comment)|schreibe? einen kommentar|kommentar schreiben|diskussion|reaktionen|responses?|" +
        @"newsletter|teilen|share|tags|schlagw|stichw|kategorien|categories|themen|topics|à lire aussi|lire aussi|sur le même sujet|leggi anche|lee también|czytaj (?:też|także))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SectionEnd();

    /// <summary>
    /// True for a picture's caption or credit written as a paragraph: it opens with "Abbildung 4:",
    /// "Figure 2:", "Foto:", "Bild:", "(Credit:", or carries a "©" credit.
    /// </summary>
    public static bool IsCaptionText(string text) => text.Length <= 250 && CaptionText().IsMatch(text);

    [GeneratedRegex(
        @"^\W{0,2}(?:abbildung|abb\.|figure|fig\.|grafik|bild|foto|photo|image|credit|crédit|photo credit|fotos?|bildquelle|illustration)\s*\d*\s*:|©|\(c\)\s*(?-i:\p{Lu})|\|\s*(?:foto|photo|bild)\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionText();

    /// <summary>
    /// True for a line that asks the reader to do something for the publisher: follow it on social
    /// networks, get its app or newsletter, subscribe, register, become a member, donate; and the
    /// publisher's affiliate-link disclosure.
    /// </summary>
    public static bool IsCallToActionText(string text) => text.Length <= 250 && (CallToActionText().IsMatch(text) || SocialNetworks().Count(text) >= 3);

    [GeneratedRegex(
        @"\b(?:follow us|follow (?:the|our) \w+ on|síguenos|siguenos|suivez-nous|folge?n? (?:sie |du )?uns|seguici|" +
        @"download (?:the|our)\b.{0,40}\bapps?\b|\bapps? for ios|app store|google play|" +
        @"sign(?:ing)? up (?:to|for) our|subscribe to|please subscribe|suscríbete|abonnieren sie|jetzt abonnieren|newsletter an|zum newsletter|für unseren newsletter|unseren newsletter|our newsletter|" +
        @"(?:support|supporting) (?:our work|our journalism|us\b|independent journalism)|unterstützen sie|unterstütze uns|jede (?:kleine )?spende|spenden sie|donate|hazte miembro|werden sie mitglied|become a member|" +
        @"already a subscriber|subscribers also|bitte registrieren sie sich|im abo\b|als e-paper|" +
        @"delivered (?:straight |right )?to your inbox|by signing up|thanks? (?:you )?for signing up|" +
        @"(?:includes?|contains?|uses?) (?:some )?affiliate links|earn (?:an? )?(?:small )?(?:affiliate )?commission|(?:enthält|enthalten|sind) (?:sogenannte )?affiliate-links)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallToActionText();

    [GeneratedRegex(@"\b(?:facebook|twitter|instagram|telegram|whatsapp|youtube|tiktok|linkedin|pinterest)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialNetworks();

    [GeneratedRegex(@"(?<![\w-])(?:category|tag)-[\w-]+", RegexOptions.CultureInvariant)]
    private static partial Regex TaxonomyClass();

    [GeneratedRegex(@"caption|bildunterschrift|bilduntertitel|\blegend|photo-?credit|image-?credit|img-?credit|bildnachweis", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionNames();
}
