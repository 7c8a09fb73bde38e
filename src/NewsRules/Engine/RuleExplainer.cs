using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AngleSharp.Dom;
using NewsRules.Rules.Definition;
using NewsRules.Text;

namespace NewsRules.Engine;

/// <summary>How one selector alternative fared on a page.</summary>
/// <param name="Selector">The alternative as written.</param>
/// <param name="Matched">Elements it matched.</param>
/// <param name="NonEmpty">Of those, how many gave a non-empty value.</param>
/// <param name="Chosen">True for the alternative the field's value came from.</param>
internal sealed record AlternativeReport(string Selector, int Matched, int NonEmpty, bool Chosen);

/// <summary>How one field of a rule fared on a page.</summary>
internal sealed record FieldReport(string Field, IReadOnlyList<AlternativeReport> Alternatives);

/// <summary>What one junk selector removed from the body.</summary>
/// <param name="Selector">The junk selector.</param>
/// <param name="Removed">Elements it matched inside the body.</param>
/// <param name="Preview">The start of the first removed element's text.</param>
internal sealed record JunkReport(string Selector, int Removed, string? Preview);

/// <summary>Which selector alternatives matched what, for <c>newsrules extract --explain</c>.</summary>
internal sealed record RuleExplanation(IReadOnlyList<FieldReport> Fields, IReadOnlyList<JunkReport> Junk)
{
    /// <summary>What the boilerplate net left out of the body after the rule's junk, and why (empty with <c>boilerplate: keep</c>).</summary>
    public IReadOnlyList<BoilerplateRemoval> Boilerplate { get; init; } = Array.Empty<BoilerplateRemoval>();

    /// <summary>A readable report: one line per alternative, then the junk.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var field in Fields)
        {
            text.Append(field.Field).Append('\n');
            foreach (var alternative in field.Alternatives)
            {
                text.Append(alternative.Chosen ? "  * " : "    ")
                    .Append(alternative.Selector)
                    .Append(" → ")
                    .Append(alternative.Matched)
                    .Append(alternative.Matched == 1 ? " element" : " elements");
                if (alternative.Matched != alternative.NonEmpty)
                {
                    text.Append(", ").Append(alternative.NonEmpty).Append(" with a value");
                }

                text.Append('\n');
            }
        }

        if (Junk.Count > 0)
        {
            text.Append("junk (inside the body)\n");
            foreach (var junk in Junk)
            {
                text.Append("    ").Append(junk.Selector).Append(" → removed ").Append(junk.Removed);
                if (junk.Preview is not null)
                {
                    text.Append(": \"").Append(junk.Preview).Append('"');
                }

                text.Append('\n');
            }
        }

        if (Boilerplate.Count > 0)
        {
            text.Append("boilerplate net (inside the body, after the junk; 'boilerplate: keep' turns it off)\n");
            foreach (var removal in Boilerplate)
            {
                var preview = HtmlText.Of(removal.Element);
                text.Append("    ").Append(removal.Reason).Append(": <").Append(removal.Element.LocalName).Append('>');
                if (preview.Length > 0)
                {
                    text.Append(" \"").Append(preview.Length <= 60 ? preview : preview.Substring(0, 57) + "…").Append('"');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// Explains a rule on a page: for each field, how many elements each selector alternative
/// matched and which one gave the value; for each junk selector, what it removed. Read-only.
/// </summary>
internal static class RuleExplainer
{
    public static RuleExplanation Explain(SiteRule rule, IDocument document) => Explain(rule, document, Array.Empty<BoilerplateRemoval>());

    /// <summary>As <see cref="Explain(SiteRule, IDocument)"/>, with what the boilerplate net removed on the same run.</summary>
    public static RuleExplanation Explain(SiteRule rule, IDocument document, IReadOnlyList<BoilerplateRemoval> boilerplate)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(document);
        var fields = new List<FieldReport>();
        foreach (var field in AllFields(rule))
        {
            fields.Add(Report(field, document, isContainer: field == rule.Body || field == rule.Captions));
        }

        var containers = rule.Body?.Select
            .Select(s => s.QueryAll(document))
            .FirstOrDefault(m => m.Count > 0) ?? new List<IElement>();
        var junk = new List<JunkReport>();
        foreach (var selector in rule.Junk)
        {
            var removed = containers.SelectMany(c => selector.QueryAll(c)).Distinct().ToList();
            var preview = removed.Select(HtmlText.Of).FirstOrDefault(t => t.Length > 0);
            junk.Add(new JunkReport(selector.ToString(), removed.Count, preview is null ? null : Shorten(preview)));
        }

        return new RuleExplanation(fields, junk) { Boilerplate = boilerplate };
    }

    private static IEnumerable<FieldRule> AllFields(SiteRule rule)
    {
        return StandardFields.InReadingOrder.Select(rule.Field).Where(f => f is not null).Select(f => f!).Concat(rule.Fields);
    }

    private static FieldReport Report(FieldRule field, IDocument document, bool isContainer)
    {
        var alternatives = new List<AlternativeReport>();
        var chosen = false;
        foreach (var selector in field.Select)
        {
            if (selector.JsonLdPath is not null)
            {
                // An ld: alternative matches values, not elements: each JSON-LD value counts as a match.
                var values = Html.JsonLd.PathValues(Html.JsonLd.ArticleObjects(selector.QueryAll(document)), selector.JsonLdPath);
                var usable = values.Count(v => Matches(selector.Pattern ?? field.Pattern, v));
                var chosenLd = !chosen && usable > 0;
                chosen |= chosenLd;
                alternatives.Add(new AlternativeReport(selector.ToString(), values.Count, usable, chosenLd));
                continue;
            }

            var matches = selector.QueryAll(document);
            var nonEmpty = matches.Count(e => HasValue(e, selector, field, isContainer));
            var isChosen = !chosen && nonEmpty > 0;
            chosen |= isChosen;
            alternatives.Add(new AlternativeReport(selector.ToString(), matches.Count, nonEmpty, isChosen));
        }

        return new FieldReport(field.Name, alternatives);
    }

    private static bool HasValue(IElement element, Selector selector, FieldRule field, bool isContainer)
    {
        var value = selector.Attribute is null ? HtmlText.Of(element) : TextNormalizer.Normalize(element.GetAttribute(selector.Attribute) ?? string.Empty);
        if (value.Length == 0)
        {
            return isContainer && selector.Attribute is null;
        }

        return Matches(selector.Pattern ?? field.Pattern, value);
    }

    private static bool Matches(System.Text.RegularExpressions.Regex? pattern, string value)
    {
        if (pattern is null)
        {
            return true;
        }

        try
        {
            return pattern.IsMatch(value);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "…";
}
