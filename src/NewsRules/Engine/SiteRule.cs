using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NewsRules.Rules.Definition;

namespace NewsRules.Engine;

/// <summary>
/// A site rule ready to run: what a YAML rule says, with selectors and regexes parsed.
/// Generated extractors build one in a static field; <c>RuleLoader</c> builds one from YAML
/// at run time. Immutable and thread-safe.
/// </summary>
public sealed class SiteRule
{
    /// <summary>Creates a rule. Invalid regexes throw <see cref="ArgumentException"/>.</summary>
    public SiteRule(
        string site,
        IReadOnlyList<string> domains,
        IReadOnlyList<string> urls,
        string? language,
        FieldRule? title,
        FieldRule? author,
        FieldRule? published,
        FieldRule? lead,
        FieldRule? image,
        FieldRule? body,
        FieldRule? captions,
        IReadOnlyList<Selector> junk,
        IReadOnlyList<FieldRule> fields,
        bool fallback = false,
        IReadOnlyList<ElementRename>? renames = null,
        BoilerplateMode boilerplate = BoilerplateMode.Remove,
        RotPolicy rot = RotPolicy.Fallback,
        IReadOnlyList<Selector>? reveal = null)
        : this(site, domains, urls, language, new[] { title, author, published, lead, image, body, captions }, junk, fields, fallback, renames, boilerplate, rot, reveal)
    {
    }

    /// <summary>
    /// Creates a rule from its standard fields in <see cref="StandardFields.All"/>'s order (null
    /// where the rule leaves one out), as the runtime compiler does from a rule model.
    /// </summary>
    internal SiteRule(
        string site,
        IReadOnlyList<string> domains,
        IReadOnlyList<string> urls,
        string? language,
        IReadOnlyList<FieldRule?> standard,
        IReadOnlyList<Selector> junk,
        IReadOnlyList<FieldRule> fields,
        bool fallback,
        IReadOnlyList<ElementRename>? renames,
        BoilerplateMode boilerplate,
        RotPolicy rot,
        IReadOnlyList<Selector>? reveal)
    {
        Site = site ?? throw new ArgumentNullException(nameof(site));
        Domains = domains ?? throw new ArgumentNullException(nameof(domains));
        Urls = urls ?? throw new ArgumentNullException(nameof(urls));
        var urlPatterns = new Regex[urls.Count];
        for (var i = 0; i < urls.Count; i++)
        {
            urlPatterns[i] = new Regex(urls[i], RuleChecks.PatternOptions, RuleChecks.PatternTimeout);
        }

        UrlPatterns = urlPatterns;
        Language = language;
        if (standard is null || standard.Count != StandardFields.All.Count)
        {
            throw new ArgumentException($"A rule has {StandardFields.All.Count} standard fields ({string.Join(", ", StandardFields.All)}).", nameof(standard));
        }

        // Only a rule that falls back to the generic extractor may leave the title or the body to it.
        foreach (var field in StandardFields.All)
        {
            if (field.RequiredUnlessFallback && !fallback && standard[StandardFields.IndexOf(field)] is null)
            {
                throw new ArgumentNullException(field.Name, $"A rule without fallback needs a {field.Name}.");
            }
        }

        Standard = standard.ToArray();
        Title = Field(StandardFields.Title);
        Author = Field(StandardFields.Author);
        Published = Field(StandardFields.Published);
        Lead = Field(StandardFields.Lead);
        Image = Field(StandardFields.Image);
        Body = Field(StandardFields.Body);
        Captions = Field(StandardFields.Captions);
        Junk = junk ?? throw new ArgumentNullException(nameof(junk));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
        Fallback = fallback;
        Renames = renames ?? Array.Empty<ElementRename>();
        Boilerplate = boilerplate;
        Rot = rot;
        Reveal = reveal ?? Array.Empty<Selector>();
        PageSelectors = Standard
            .Concat(fields)
            .Where(field => field is not null)
            .SelectMany(field => field!.Select)
            .Concat(Renames.Select(rename => rename.Select))
            .Distinct()
            .ToArray();
        var groups = PageSelectors.Select(selector => (IReadOnlyList<Selector>)new[] { selector }).ToList();
        CaptionGroup = -1;
        if (Captions is { Select.Count: > 1 })
        {
            // Several caption alternatives interleave: one more group gives page order and each caption once.
            CaptionGroup = groups.Count;
            groups.Add(Captions.Select);
        }

        JunkGroup = -1;
        if (junk.Count > 0)
        {
            // Junk counts inside the body containers only, but the containers are known only after
            // the page walk; finding junk in that walk and keeping what lies inside a container
            // costs less than walking every container again.
            JunkGroup = groups.Count;
            groups.Add(junk);
        }

        RevealGroup = -1;
        if (Reveal.Count > 0)
        {
            RevealGroup = groups.Count;
            groups.Add(Reveal);
        }

        PageIndex = new SelectorIndex(groups);
    }

    public string Site { get; }

    public IReadOnlyList<string> Domains { get; }

    /// <summary>Article path patterns as written; none means every path.</summary>
    public IReadOnlyList<string> Urls { get; }

    public IReadOnlyList<Regex> UrlPatterns { get; }

    public string? Language { get; }

    public FieldRule? Title { get; }

    public FieldRule? Author { get; }

    public FieldRule? Published { get; }

    public FieldRule? Lead { get; }

    public FieldRule? Image { get; }

    public FieldRule? Body { get; }

    public FieldRule? Captions { get; }

    public IReadOnlyList<Selector> Junk { get; }

    /// <summary>The standard fields in <see cref="StandardFields.All"/>'s order, null where the rule leaves one out.</summary>
    internal IReadOnlyList<FieldRule?> Standard { get; }

    /// <summary>
    /// <c>reveal</c>: elements the page's scripts show (a paywall or streaming placeholder marked
    /// <c>hidden</c> or <c>display: none</c>) whose text the body reads all the same; inside the
    /// rule's body only. Empty for most rules.
    /// </summary>
    public IReadOnlyList<Selector> Reveal { get; }

    public IReadOnlyList<FieldRule> Fields { get; }

    /// <summary><c>unwrap</c> and <c>rename</c>: body elements read as another tag, or as inline text.</summary>
    public IReadOnlyList<ElementRename> Renames { get; }

    /// <summary>
    /// <c>fallback: true</c>: the fields the rule does not set, or that come out empty, are
    /// filled by the generic extractor, and a warning names them.
    /// </summary>
    public bool Fallback { get; }

    /// <summary><c>boilerplate:</c>: whether the generic boilerplate net also cleans the rule's body (default: it does).</summary>
    public BoilerplateMode Boilerplate { get; }

    /// <summary><c>rot:</c>: what happens when the rule's title or body has stopped matching the page (default: the generic extractor's value, with a warning).</summary>
    public RotPolicy Rot { get; }

    /// <summary>
    /// Every selector the engine runs over the whole page (all fields, body, captions and the
    /// renames; not junk, which counts inside the body only), so that one walk of the page finds all their matches.
    /// </summary>
    internal IReadOnlyList<Selector> PageSelectors { get; }

    /// <summary>
    /// The selectors for one walk of the page: group <c>i</c> is <c>PageSelectors[i]</c>; then,
    /// when the captions have several alternatives, a group that holds them all
    /// (<see cref="CaptionGroup"/>), and when there is junk, a group of every junk selector
    /// (<see cref="JunkGroup"/>).
    /// </summary>
    internal SelectorIndex PageIndex { get; }

    /// <summary>The <see cref="PageIndex"/> group of all caption alternatives, or -1 when there are fewer than two.</summary>
    internal int CaptionGroup { get; }

    /// <summary>The <see cref="PageIndex"/> group of every junk selector, or -1 when the rule has no junk.</summary>
    internal int JunkGroup { get; }

    /// <summary>The standard field as the rule sets it, or null.</summary>
    internal FieldRule? Field(StandardField field) => Standard[StandardFields.IndexOf(field)];

    /// <summary>The <see cref="PageIndex"/> group of every <see cref="Reveal"/> selector, or -1 when the rule has none.</summary>
    internal int RevealGroup { get; }

    /// <summary>
    /// The length of the longest of the rule's domains that is the URL's host or a parent of
    /// it, or -1 when none is, or when the rule has <c>urls</c> patterns and none matches the path.
    /// </summary>
    public int MatchLength(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return -1;
        }

        var host = url.IdnHost.TrimEnd('.').ToLowerInvariant();
        var best = -1;
        foreach (var domain in Domains)
        {
            if (domain.Length > best && (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal)))
            {
                best = domain.Length;
            }
        }

        if (best < 0 || UrlPatterns.Count == 0)
        {
            return best;
        }

        var path = Uri.UnescapeDataString(url.AbsolutePath);
        foreach (var pattern in UrlPatterns)
        {
            try
            {
                if (pattern.IsMatch(path) || pattern.IsMatch(url.AbsolutePath))
                {
                    return best;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern that cannot decide in time does not claim the URL.
            }
        }

        return -1;
    }
}
