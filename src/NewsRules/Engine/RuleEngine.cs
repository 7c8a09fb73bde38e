using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Dates;
using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Engine;

/// <summary>
/// Runs a <see cref="SiteRule"/> over a parsed page: Select (metadata from the page as
/// parsed) → Clean (junk, fields' own elements and non-text elements left out of the body,
/// without touching the document) → Blocks (body text in reading order) → Article.
/// </summary>
internal static class RuleEngine
{
    /// <summary>
    /// Runs the rule. <paramref name="net"/>, when given, cleans the body after the rule's own junk;
    /// what it removed is added to <paramref name="removed"/>. <paramref name="pageJunk"/>, when
    /// given, receives every element of the page the rule's <c>junk</c> matches (for rule rot,
    /// which compares the body with the generic extractor's less that junk). <paramref name="trace"/>,
    /// when given, records what each field's alternatives matched and which one was chosen, and what
    /// the body's junk, reveal, renames and fields left out (<see cref="RunTrace"/>).
    /// </summary>
    public static Article Run(SiteRule rule, IDocument document, Uri url, IBodyNet? net = null, List<BoilerplateRemoval>? removed = null, List<IElement>? pageJunk = null, RunTrace? trace = null)
    {
        var execution = new Execution(rule, document, url, trace);
        var article = execution.Execute(net, removed);
        execution.AddPageJunk(pageJunk);
        return article;
    }

    private sealed class Execution
    {
        private readonly SiteRule rule;
        private readonly IDocument document;
        private readonly Uri url;
        private readonly Uri baseUrl;
        private readonly List<string> warnings = new();

        // Elements whose text a field took: left out of the body when they stand inside it.
        private readonly List<IElement> fieldElements = new();

        // Fields whose pattern hit the regex timeout on this page: not tried again.
        private readonly HashSet<FieldRule> timedOut = new();

        // The value steps of ld:, split, reject and clean (their own timeouts, the page's JSON-LD).
        private readonly ValueSteps steps;

        // The matches of every page-wide selector, in document order, from one walk of the page.
        private readonly Dictionary<Selector, List<IElement>> pageMatches;

        // The matches of any caption alternative, in document order, when there are several.
        private readonly List<IElement>? captionMatches;

        // The matches of any junk selector in the whole page, in document order.
        private readonly List<IElement>? junkMatches;

        // The matches of any reveal selector in the whole page (hidden elements the body reads).
        private readonly List<IElement>? revealMatches;

        // Null unless someone asked what the run did (--explain, the report): then every step records.
        private readonly RunTrace? trace;

        public Execution(SiteRule rule, IDocument document, Uri url, RunTrace? trace)
        {
            this.rule = rule;
            this.trace = trace;
            this.document = document;
            this.url = url;
            baseUrl = UrlResolver.BaseOf(document, url);
            pageMatches = MatchAll(document, rule, out captionMatches, out junkMatches, out revealMatches);
            steps = new ValueSteps(warnings);
        }

        /// <summary>
        /// Walks the page once for every page-wide selector, instead of one walk per selector
        /// alternative (a rule has 10 to 20); the index tests each element only against the
        /// selectors its id, classes, attributes and tag can satisfy (see <see cref="SelectorIndex"/>).
        /// </summary>
        private static Dictionary<Selector, List<IElement>> MatchAll(IDocument document, SiteRule rule, out List<IElement>? captions, out List<IElement>? junk, out List<IElement>? reveal)
        {
            var selectors = rule.PageSelectors;
            var lists = rule.PageIndex.Match(document);
            var matches = new Dictionary<Selector, List<IElement>>(selectors.Count, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < selectors.Count; i++)
            {
                matches[selectors[i]] = lists[i];
            }

            captions = rule.CaptionGroup >= 0 ? lists[rule.CaptionGroup] : null;
            junk = rule.JunkGroup >= 0 ? lists[rule.JunkGroup] : null;
            reveal = rule.RevealGroup >= 0 ? lists[rule.RevealGroup] : null;
            return matches;
        }

        public void AddPageJunk(List<IElement>? pageJunk)
        {
            if (pageJunk is not null && junkMatches is not null)
            {
                pageJunk.AddRange(junkMatches);
            }
        }

        // A page-wide selector's matches; selectors built outside the rule (none today) walk the page themselves.
        private List<IElement> PageMatches(Selector selector) =>
            pageMatches.TryGetValue(selector, out var matches) ? matches : selector.QueryAll(document);

        public Article Execute(IBodyNet? net, List<BoilerplateRemoval>? removed)
        {
            var title = rule.Title is null ? null : Single(rule.Title, isUrl: false);
            var lead = rule.Lead is null ? null : Single(rule.Lead, isUrl: false);
            var authors = rule.Author is null ? Array.Empty<string>() : Many(rule.Author, isAuthor: true);
            var published = rule.Published is null ? null : Date(rule.Published);
            var image = rule.Image is null ? null : Single(rule.Image, isUrl: true);
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var field in rule.Fields)
            {
                fields[field.Name] = field.Many ? Many(field, isAuthor: false) : Single(field, isUrl: false);
            }

            var containers = BodyContainers();
            var junk = JunkIn(containers);
            var captionElements = CaptionElements(junk);
            var excluded = new HashSet<IElement>(junk);
            var containerSet = new HashSet<INode>(containers);
            var containersAndAncestors = new HashSet<INode>();
            foreach (var container in containers)
            {
                for (INode? node = container; node is not null && containersAndAncestors.Add(node); node = node.Parent)
                {
                }
            }

            foreach (var element in fieldElements)
            {
                // Inside a container, and neither a container nor an ancestor of one (by sets, not
                // a scan of every container per element: a huge page can have thousands of each).
                if (!containersAndAncestors.Contains(element) && HasAncestorIn(element, containerSet) && excluded.Add(element))
                {
                    trace?.FieldElementsLeftOut.Add(element);
                }
            }

            var captionSet = new HashSet<IElement>(captionElements);
            if (net is not null && containers.Count > 0)
            {
                net.Apply(containers, excluded, captionSet, removed ?? new List<BoilerplateRemoval>());
            }

            if (trace is not null)
            {
                TraceBody(containers, containerSet, junk);
            }

            var reader = new BodyReader(excluded, captionSet, Renamed(), revealMatches is { Count: > 0 } ? new HashSet<IElement>(revealMatches) : null);
            foreach (var container in containers)
            {
                reader.Read(container);
            }

            var blocks = reader.Blocks;
            if (containers.Count > 0 && blocks.Count == 0)
            {
                warnings.Add($"body: '{rule.Body}' matched {containers.Count} element(s) but they hold no text.");
            }

            // Every caption, as the body shows it (junk inside a caption left out).
            var captions = captionElements.Select(e => HtmlText.Of(e, excluded)).Where(t => t.Length > 0).ToList();
            var article = new Article(rule.Site, url.OriginalString)
            {
                Title = title,
                Lead = lead,
                Authors = authors,
                Published = published,
                Image = image,
                Language = rule.Language ?? PageLanguage(),
                Captions = captions,
                Body = blocks,
                Text = string.Join("\n\n", blocks.Where(b => b.Kind != BlockKind.Caption).Select(b => b.Text)),
                Fields = fields,
                Warnings = warnings,
            };
            return article;
        }

        /// <summary>The first non-empty value of the first alternative that has one.</summary>
        private string? Single(FieldRule field, bool isUrl)
        {
            foreach (var (value, element, selector) in CandidatesWithSelector(field, isUrl))
            {
                if (element is not null && !field.KeepInBody)
                {
                    fieldElements.Add(element);
                }

                trace?.Add(field, Census(field, isUrl, selector));
                return value;
            }

            trace?.Add(field, Census(field, isUrl, null));
            return null;
        }

        /// <summary>Every non-empty value of the first alternative that has one, duplicates dropped.</summary>
        private IReadOnlyList<string> Many(FieldRule field, bool isAuthor)
        {
            var values = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            Selector? chosen = null;
            foreach (var (value, element, selector) in CandidatesWithSelector(field, isUrl: false))
            {
                if (chosen is not null && selector != chosen)
                {
                    break;
                }

                chosen = selector;
                var cleaned = isAuthor ? StripBy(value) : value;
                if (element is not null && !field.KeepInBody)
                {
                    fieldElements.Add(element);
                }

                if (cleaned.Length > 0 && seen.Add(cleaned))
                {
                    values.Add(cleaned);
                }
            }

            trace?.Add(field, Census(field, isUrl: false, chosen));
            return values;
        }

        private DateTimeOffset? Date(FieldRule field)
        {
            string? firstValue = null;
            foreach (var (value, element, selector) in CandidatesWithSelector(field, isUrl: false))
            {
                firstValue ??= value;
                if (DateParser.TryParse(value, field.Formats, field.Culture, field.TimeZone, out var result, out var assumedUtc))
                {
                    trace?.Add(field, Census(field, isUrl: false, selector));
                    if (element is not null && !field.KeepInBody)
                    {
                        fieldElements.Add(element);
                    }

                    if (assumedUtc)
                    {
                        warnings.Add($"{field.Name}: '{value}' has no UTC offset and the rule sets no timezone; read as UTC.");
                    }
                    else if (field.TimeZoneId is not null && field.TimeZone is null)
                    {
                        warnings.Add($"{field.Name}: time zone '{field.TimeZoneId}' is unknown on this machine; read as UTC.");
                    }

                    return result;
                }
            }

            if (firstValue is not null)
            {
                var formats = field.Formats.Count == 0 ? "no 'format' is set" : "formats tried: " + string.Join(", ", field.Formats.Select(f => $"'{f}'"));
                warnings.Add($"{field.Name}: '{Shorten(firstValue)}' is not a date ISO 8601, an epoch or the rule's formats can read ({formats}).");
            }

            trace?.Add(field, Census(field, isUrl: false, null));
            return null;
        }

        /// <summary>
        /// For the trace: what each alternative of a value field matched on the page and how many
        /// of those gave a value the pattern accepts (read as the engine reads them, without its
        /// side effects: no warning, no timeout remembered), and which one the engine chose.
        /// </summary>
        private FieldTrace Census(FieldRule field, bool isUrl, Selector? chosen)
        {
            var alternatives = new List<AlternativeTrace>(field.Select.Count);
            foreach (var selector in field.Select)
            {
                var pattern = selector.Pattern ?? field.Pattern;
                if (selector.JsonLdPath is not null)
                {
                    // An ld: alternative matches values, not elements: each JSON-LD value counts as a match.
                    var values = steps.JsonLdValues(selector, PageMatches(selector));
                    var usable = 0;
                    foreach (var value in values)
                    {
                        usable += Accepts(pattern, value) ? 1 : 0;
                    }

                    alternatives.Add(new AlternativeTrace(selector.ToString(), values.Count, usable, selector == chosen, Array.Empty<IElement>()));
                    continue;
                }

                var matched = 0;
                var withValue = 0;
                foreach (var (raw, _) in Sources(selector, isUrl))
                {
                    matched++;
                    withValue += raw is { Length: > 0 } && Accepts(pattern, raw) ? 1 : 0;
                }

                alternatives.Add(new AlternativeTrace(selector.ToString(), matched, withValue, selector == chosen, PageMatches(selector)));
            }

            return new FieldTrace(field.Name, alternatives);
        }

        private static bool Accepts(Regex? pattern, string value)
        {
            if (pattern is null)
            {
                return true;
            }

            try
            {
                return pattern.IsMatch(value);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>
        /// Every usable value the field's alternatives give, in order: alternative by
        /// alternative, match by match. When there is none, a warning says what was tried.
        /// </summary>
        private IEnumerable<(string Value, IElement? Element, Selector Selector)> CandidatesWithSelector(FieldRule field, bool isUrl, bool warnWhenMissing = true)
        {
            var matched = 0;
            var rejectedByPattern = 0;
            var dropped = 0;
            var any = false;
            foreach (var selector in field.Select)
            {
                foreach (var (raw, element) in Sources(selector, isUrl))
                {
                    matched++;
                    if (raw is null || raw.Length == 0)
                    {
                        continue;
                    }

                    // The pattern sees the value as the page has it; a URL is made absolute after.
                    var patterned = ApplyPattern(field, selector.Pattern ?? field.Pattern, raw);
                    if (patterned is null)
                    {
                        rejectedByPattern++;
                        continue;
                    }

                    foreach (var piece in steps.Apply(field, selector, patterned))
                    {
                        if (piece is null)
                        {
                            dropped++;
                            continue;
                        }

                        var value = piece;
                        if (isUrl || (selector.Attribute is not null && UrlResolver.UrlAttributes.Contains(selector.Attribute)))
                        {
                            value = UrlResolver.Absolute(baseUrl, value);
                            if (value is null)
                            {
                                continue;
                            }
                        }

                        any = true;
                        yield return (value, selector.Attribute is null ? element : null, selector);
                    }
                }
            }

            if (!any && warnWhenMissing)
            {
                warnings.Add(rejectedByPattern > 0
                    ? $"{field.Name}: pattern '{PatternsOf(field)}' matched none of the {rejectedByPattern} value(s) of '{field}'."
                    : dropped > 0
                        ? $"{field.Name}: every value of '{field}' was dropped by its 'reject' or 'clean' ({dropped} value(s))."
                        : matched == 0
                            ? $"{field.Name}: nothing matched '{field}'."
                            : $"{field.Name}: '{field}' matched {matched} element(s), all empty.");
            }
        }

        /// <summary>
        /// The raw values of one alternative and the element each came from: the matches' text or
        /// attribute (for the image, an element's real image address), or the page's JSON-LD values (no element).
        /// </summary>
        private IEnumerable<(string? Raw, IElement? Element)> Sources(Selector selector, bool isUrl)
        {
            if (selector.JsonLdPath is not null)
            {
                foreach (var value in steps.JsonLdValues(selector, PageMatches(selector)))
                {
                    yield return (value, null);
                }

                yield break;
            }

            foreach (var element in PageMatches(selector))
            {
                // An image selected as an element: what a browser shows once lazy loading ran.
                var image = isUrl && selector.Attribute is null ? LazyImage.Of(element) : null;
                yield return (image ?? Read(element, selector), image is null ? element : null);
            }
        }

        // The field's pattern, else its alternatives' own (as the rule wrote them), for messages.
        private static string PatternsOf(FieldRule field) =>
            field.Pattern?.ToString() ?? string.Join("', '", field.Select.Where(s => s.Pattern is not null).Select(s => s.Pattern!.ToString()).Distinct());

        /// <summary>The element's text, or the attribute's value (the widest candidate of a srcset).</summary>
        private static string? Read(IElement element, Selector selector)
        {
            if (selector.Attribute is null)
            {
                return HtmlText.Of(element);
            }

            var value = element.GetAttribute(selector.Attribute);
            if (value is null)
            {
                return null;
            }

            if (selector.Attribute.EndsWith("srcset", StringComparison.OrdinalIgnoreCase))
            {
                value = UrlResolver.PickFromSrcset(value);
            }

            return TextNormalizer.Normalize(value);
        }

        private string? ApplyPattern(FieldRule field, Regex? pattern, string value)
        {
            if (pattern is null)
            {
                return value;
            }

            if (timedOut.Contains(field))
            {
                // One timeout per field and page: a hostile page with thousands of values must not
                // cost a second each (the field reads as if the pattern matched none of them).
                return null;
            }

            try
            {
                var match = pattern.Match(value);
                if (!match.Success)
                {
                    return null;
                }

                var result = match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
                result = TextNormalizer.Normalize(result);
                return result.Length == 0 ? null : result;
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut.Add(field);
                warnings.Add($"{field.Name}: pattern '{pattern}' took longer than {pattern.MatchTimeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s on a value of {value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} characters and was stopped; the field's other values on this page were not tried. Simplify the pattern (nested quantifiers such as '(a+)+' backtrack without end).");
                return null;
            }
        }

        /// <summary>unwrap and rename: each matched element and the tag the body reads it as (the first transform that matches it wins).</summary>
        private Dictionary<IElement, string>? Renamed()
        {
            if (rule.Renames.Count == 0)
            {
                return null;
            }

            var renamed = new Dictionary<IElement, string>();
            foreach (var rename in rule.Renames)
            {
                foreach (var element in PageMatches(rename.Select))
                {
                    renamed.TryAdd(element, rename.ReadAs);
                }
            }

            return renamed;
        }

        /// <summary>All matches of the first body alternative that matches, document order, nested matches once.</summary>
        private List<IElement> BodyContainers()
        {
            if (rule.Body is null)
            {
                // A fallback rule that leaves the body to the generic extractor.
                return new List<IElement>();
            }

            foreach (var selector in rule.Body.Select)
            {
                var matches = PageMatches(selector);
                if (matches.Count == 0)
                {
                    continue;
                }

                var outermost = new List<IElement>();
                foreach (var element in matches)
                {
                    // Document order puts an ancestor before its descendants: keep only the outermost.
                    if (outermost.Count == 0 || !Dom.IsInside(element, outermost[outermost.Count - 1]))
                    {
                        outermost.Add(element);
                    }
                }

                trace?.Add(rule.Body, ElementCensus(rule.Body, selector, null));
                return outermost;
            }

            warnings.Add($"body: nothing matched '{rule.Body}'.");
            trace?.Add(rule.Body, ElementCensus(rule.Body, null, null));
            return new List<IElement>();
        }

        private HashSet<IElement> JunkIn(List<IElement> containers)
        {
            var junk = new HashSet<IElement>();
            if (junkMatches is null || junkMatches.Count == 0 || containers.Count == 0)
            {
                return junk;
            }

            // The page walk found junk everywhere; what counts lies below a container (not a
            // container itself), as a walk of each container would find it.
            if (containers.Count == 1)
            {
                var container = containers[0];
                foreach (var element in junkMatches)
                {
                    if (element != container && Dom.IsInside(element, container))
                    {
                        junk.Add(element);
                    }
                }

                return junk;
            }

            var containerSet = new HashSet<INode>(containers, ReferenceEqualityComparer.Instance);
            foreach (var element in junkMatches)
            {
                for (var node = element.Parent; node is not null; node = node.Parent)
                {
                    if (containerSet.Contains(node))
                    {
                        junk.Add(element);
                        break;
                    }
                }
            }

            return junk;
        }

        /// <summary>Every caption match in the page, except inside junk or inside elements that carry no text.</summary>
        private List<IElement> CaptionElements(HashSet<IElement> junk)
        {
            var result = new List<IElement>();
            if (rule.Captions is null)
            {
                return result;
            }

            // One alternative: its matches from the page walk are already in page order. Several
            // may interleave: the page walk's caption group has them in page order, each once
            // (sorting by CompareDocumentPosition searched the siblings on every comparison).
            var matches = rule.Captions.Select.Count == 1
                ? PageMatches(rule.Captions.Select[0])
                : captionMatches ?? Dom.QueryAny(document, rule.Captions.Select.Select(s => s.Parsed).ToList());
            foreach (var element in matches)
            {
                if (!Dom.IsInsideAny(element, junk) && !InsideSkipped(element))
                {
                    result.Add(element);
                }
            }

            if (trace is not null)
            {
                trace.Add(rule.Captions, ElementCensus(rule.Captions, null, new HashSet<IElement>(result)));
            }

            // No warning when there are none: many articles have no figure, so an empty list is
            // not a broken rule.
            return result;
        }

        /// <summary>
        /// For the trace: an element field's alternatives (body, captions), every match counting as
        /// a value; chosen is <paramref name="chosen"/> (the body's), or each alternative with a match
        /// in <paramref name="taken"/> (the captions, which every alternative adds to).
        /// </summary>
        private FieldTrace ElementCensus(FieldRule field, Selector? chosen, HashSet<IElement>? taken)
        {
            var alternatives = new List<AlternativeTrace>(field.Select.Count);
            foreach (var selector in field.Select)
            {
                var matches = PageMatches(selector);
                var isChosen = taken is null ? selector == chosen : matches.Exists(taken.Contains);
                alternatives.Add(new AlternativeTrace(selector.ToString(), matches.Count, matches.Count, isChosen, matches));
            }

            return new FieldTrace(field.Name, alternatives);
        }

        /// <summary>
        /// For the trace: the containers, and per selector what junk removed inside them, what
        /// <c>reveal</c> and the renames matched and which of those stand inside them.
        /// </summary>
        private void TraceBody(List<IElement> containers, HashSet<INode> containerSet, HashSet<IElement> junk)
        {
            trace!.Containers = containers;
            bool InBody(IElement element) => containerSet.Contains(element) || HasAncestorIn(element, containerSet);

            foreach (var selector in rule.Junk)
            {
                // The engine's junk (the page walk's junk group, kept below a container), split by selector.
                var removed = new List<IElement>();
                foreach (var element in junkMatches ?? new List<IElement>())
                {
                    if (junk.Contains(element) && selector.IsMatch(element))
                    {
                        removed.Add(element);
                    }
                }

                trace.Junk.Add(new BodyStepTrace(selector.ToString(), removed.Count, removed.Count, removed));
            }

            foreach (var selector in rule.Reveal)
            {
                var matched = 0;
                var inBody = new List<IElement>();
                foreach (var element in revealMatches ?? new List<IElement>())
                {
                    if (selector.IsMatch(element))
                    {
                        matched++;
                        if (InBody(element))
                        {
                            inBody.Add(element);
                        }
                    }
                }

                trace.Reveal.Add(new BodyStepTrace(selector.ToString(), matched, inBody.Count, inBody));
            }

            foreach (var rename in rule.Renames)
            {
                var matches = PageMatches(rename.Select);
                var inBody = matches.Where(InBody).ToList();
                trace.Renames.Add(new BodyStepTrace(rename.ToString(), matches.Count, inBody.Count, inBody));
            }
        }

        private static bool HasAncestorIn(INode node, HashSet<INode> set)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (set.Contains(current))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InsideSkipped(IElement element)
        {
            for (var current = element; current is not null; current = current.ParentElement)
            {
                if (HtmlText.IsSkipped(current))
                {
                    return true;
                }
            }

            return false;
        }

        private string? PageLanguage()
        {
            var lang = document.DocumentElement?.GetAttribute("lang")?.Trim();
            return string.IsNullOrEmpty(lang) ? null : lang;
        }

        private static string StripBy(string author)
        {
            var match = ByPrefix.Match(author);
            return match.Success ? author.Substring(match.Length).Trim() : author;
        }

        // Never cuts a surrogate pair in two.
        private static string Shorten(string value) =>
            value.Length <= 80 ? value : value.Substring(0, char.IsHighSurrogate(value[76]) ? 76 : 77) + "…";
    }

    private static readonly Regex ByPrefix = new(@"^\s*by\b[:\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
