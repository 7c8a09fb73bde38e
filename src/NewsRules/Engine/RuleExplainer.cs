using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AngleSharp.Dom;
using NewsRules.Rules.Definition;
using NewsRules.Text;

namespace NewsRules.Engine;

/// <summary>Which selector alternatives matched what, for <c>newsrules extract --explain</c>.</summary>
internal sealed record RuleExplanation(IReadOnlyList<FieldTrace> Fields, IReadOnlyList<BodyStepTrace> Junk)
{
    /// <summary>Per <c>unwrap</c>/<c>rename</c>: what it matched and how much of it stands in the body.</summary>
    public IReadOnlyList<BodyStepTrace> Renames { get; init; } = Array.Empty<BodyStepTrace>();

    /// <summary>Per <c>reveal</c> selector: the hidden elements it matched and how many of them the body reads.</summary>
    public IReadOnlyList<BodyStepTrace> Reveal { get; init; } = Array.Empty<BodyStepTrace>();

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
                if (alternative.Matched != alternative.WithValue)
                {
                    text.Append(", ").Append(alternative.WithValue).Append(" with a value");
                }

                text.Append('\n');
            }
        }

        if (Junk.Count > 0)
        {
            text.Append("junk (inside the body)\n");
            foreach (var junk in Junk)
            {
                text.Append("    ").Append(junk.Selector).Append(" → removed ").Append(junk.InBody);
                if (junk.Elements.Select(HtmlText.Of).FirstOrDefault(t => t.Length > 0) is { } preview)
                {
                    text.Append(": \"").Append(Shorten(preview)).Append('"');
                }

                text.Append('\n');
            }
        }

        Steps(text, "unwrap and rename (the body reads what they match inside it as another tag)", Renames);
        Steps(text, "reveal (hidden elements the body reads when they stand inside it)", Reveal);

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

    private static void Steps(StringBuilder text, string heading, IReadOnlyList<BodyStepTrace> steps)
    {
        if (steps.Count == 0)
        {
            return;
        }

        text.Append(heading).Append('\n');
        foreach (var step in steps)
        {
            text.Append("    ").Append(step.Selector).Append(" → ").Append(step.Matched)
                .Append(step.Matched == 1 ? " element" : " elements").Append(", ")
                .Append(step.InBody).Append(" inside the body\n");
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "…";
}

/// <summary>
/// Explains a rule on a page from the run's trace (<see cref="RunTrace"/>): for each field, how
/// many elements each selector alternative matched and which one the engine took the value
/// from; for each junk selector, what it removed; what the renames and <c>reveal</c> touched;
/// what the boilerplate net removed. It reads the page no further than the engine did.
/// </summary>
internal static class RuleExplainer
{
    /// <summary>The rule run through the front door on <paramref name="document"/> with a trace, explained.</summary>
    public static RuleExplanation Explain(SiteRule rule, IDocument document, Uri url)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(document);
        return Explain(rule, RulePipeline.Run(rule, document, url, trace: true).Trace!);
    }

    /// <summary>What the run that recorded <paramref name="trace"/> did with <paramref name="rule"/>.</summary>
    public static RuleExplanation Explain(SiteRule rule, RunTrace trace)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(trace);
        var fields = new List<FieldTrace>();
        foreach (var field in StandardFields.InReadingOrder.Select(rule.Field).Where(f => f is not null).Select(f => f!).Concat(rule.Fields))
        {
            if (trace.Field(field) is { } traced)
            {
                fields.Add(traced);
            }
        }

        return new RuleExplanation(fields, trace.Junk)
        {
            Boilerplate = trace.Boilerplate,
            Renames = trace.Renames,
            Reveal = trace.Reveal,
        };
    }
}
