using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Engine;

/// <summary>
/// One page's reading of values after a field's pattern: <c>split</c> cuts a value into several,
/// <c>clean</c> tidies each, <c>reject</c> drops those it matches; and the page's JSON-LD for
/// <c>ld:</c> alternatives, read once. A regex that times out is one warning, and stops that
/// regex on this page (<c>split</c> then keeps values whole, <c>reject</c> drops them).
/// </summary>
internal sealed class ValueSteps
{
    private readonly List<string> warnings;
    private readonly HashSet<Regex> timedOut = new(ReferenceEqualityComparer.Instance);
    private IReadOnlyList<JsonLdObject>? jsonLd;

    public ValueSteps(List<string> warnings) => this.warnings = warnings;

    /// <summary>
    /// The values <paramref name="value"/> gives: one, or the pieces <c>split</c> cuts it into,
    /// each cleaned and normalized; null for each piece that <c>clean</c> or <c>reject</c> dropped.
    /// </summary>
    public IEnumerable<string?> Apply(FieldRule field, Selector selector, string value)
    {
        if (selector.Split is null && selector.Clean is null && selector.Reject is null)
        {
            // Nothing to do: the value as the field has always read it.
            yield return value;
            yield break;
        }

        foreach (var piece in Pieces(field, selector.Split, value))
        {
            var cleaned = TextNormalizer.Normalize(piece);
            if (cleaned.Length == 0)
            {
                // Between two separators in a row: nothing, not a dropped value.
                continue;
            }

            if (selector.Clean is not null)
            {
                cleaned = ValueCleaners.Apply(selector.Clean, cleaned);
            }

            yield return cleaned is null || IsRejected(field, selector.Reject, cleaned) ? null : cleaned;
        }
    }

    /// <summary>The values at the <c>ld:</c> alternative's path in the page's JSON-LD article objects.</summary>
    public List<string> JsonLdValues(Selector selector, IReadOnlyList<IElement> scripts)
    {
        // Every ld: alternative matches the same scripts: the page's JSON-LD is parsed once.
        jsonLd ??= JsonLd.ArticleObjects(scripts);
        return JsonLd.PathValues(jsonLd, selector.JsonLdPath!);
    }

    private IEnumerable<string> Pieces(FieldRule field, Regex? split, string value)
    {
        if (split is null || timedOut.Contains(split))
        {
            return new[] { value };
        }

        try
        {
            return split.Split(value);
        }
        catch (RegexMatchTimeoutException)
        {
            TimedOut(field, "split", split, value);
            return new[] { value };
        }
    }

    private bool IsRejected(FieldRule field, Regex? reject, string value)
    {
        if (reject is null)
        {
            return false;
        }

        if (timedOut.Contains(reject))
        {
            return true;
        }

        try
        {
            return reject.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            TimedOut(field, "reject", reject, value);
            return true;
        }
    }

    private void TimedOut(FieldRule field, string key, Regex regex, string value)
    {
        timedOut.Add(regex);
        warnings.Add($"{field.Name}: {key} '{regex}' took longer than {regex.MatchTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s on a value of {value.Length.ToString(CultureInfo.InvariantCulture)} characters and was stopped for this page. Simplify the regex (nested quantifiers such as '(a+)+' backtrack without end).");
    }
}
