using System;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace NewsRules.Engine;

/// <summary>How one selector alternative fared on a page, as the engine ran it.</summary>
/// <param name="Selector">The alternative as written.</param>
/// <param name="Matched">Elements it matched (an <c>ld:</c> alternative: JSON-LD values).</param>
/// <param name="WithValue">Of those, how many gave a non-empty text or attribute that the pattern accepts (body and captions: every match).</param>
/// <param name="Chosen">True for the alternative the engine took the field's value from (captions: every alternative one of whose matches became a caption).</param>
/// <param name="Elements">The matched elements in page order (none for an <c>ld:</c> alternative).</param>
internal sealed record AlternativeTrace(string Selector, int Matched, int WithValue, bool Chosen, IReadOnlyList<IElement> Elements);

/// <summary>How one field of a rule fared on a page: its alternatives in the rule's order.</summary>
internal sealed record FieldTrace(string Field, IReadOnlyList<AlternativeTrace> Alternatives);

/// <summary>What one selector of <c>junk</c>, <c>reveal</c>, <c>unwrap</c> or <c>rename</c> did inside the body.</summary>
/// <param name="Selector">The selector as written (a rename: <c>rename sel: tag</c>, <c>unwrap sel</c>).</param>
/// <param name="Matched">Elements it matched in the whole page (junk: inside the body only, as the engine removes them).</param>
/// <param name="InBody">Of those, how many stand inside the body's containers (junk: all of them).</param>
/// <param name="Elements">The elements inside the body, page order.</param>
internal sealed record BodyStepTrace(string Selector, int Matched, int InBody, IReadOnlyList<IElement> Elements);

/// <summary>
/// One run trace: what the engine matched and chose on one page, recorded while it extracted:
/// each field's alternatives and the one chosen, the body's containers, what junk removed, what
/// <c>reveal</c>, <c>unwrap</c> and <c>rename</c> touched, the fields' own elements left out of the
/// body, what the boilerplate net removed, the rot check's findings and the fields
/// <c>fallback: true</c> filled. <c>--explain</c> and the report read it, so they name what the
/// engine did and nothing else. The engine records only when it is given one (the run without
/// a trace pays one null test per field).
/// </summary>
internal sealed class RunTrace
{
    private readonly Dictionary<FieldRule, FieldTrace> fields = new(ReferenceEqualityComparer.Instance);

    /// <summary>The body containers the engine read (the outermost matches of the first body alternative that matched).</summary>
    public IReadOnlyList<IElement> Containers { get; internal set; } = Array.Empty<IElement>();

    /// <summary>Per junk selector, what it removed inside the body.</summary>
    public List<BodyStepTrace> Junk { get; } = new();

    /// <summary>Per <c>reveal</c> selector, the hidden elements it matched and those the body reads.</summary>
    public List<BodyStepTrace> Reveal { get; } = new();

    /// <summary>Per <c>unwrap</c>/<c>rename</c>, the elements it matched and those inside the body.</summary>
    public List<BodyStepTrace> Renames { get; } = new();

    /// <summary>Elements a field took its value from that stood inside the body, left out of it (page order of the fields).</summary>
    public List<IElement> FieldElementsLeftOut { get; } = new();

    /// <summary>What the boilerplate net left out of the body after the junk, and why.</summary>
    public IReadOnlyList<BoilerplateRemoval> Boilerplate { get; internal set; } = Array.Empty<BoilerplateRemoval>();

    /// <summary>The rot check's findings (empty: healthy, or not checked).</summary>
    public IReadOnlyList<RotFinding> Rot { get; internal set; } = Array.Empty<RotFinding>();

    /// <summary>True when the generic extractor ran on the page (for the rot check or <c>fallback: true</c>).</summary>
    public bool GenericRan { get; internal set; }

    /// <summary>The article members <c>fallback: true</c> took from the generic extractor ("authors", "body" …).</summary>
    public List<string> FilledByFallback { get; } = new();

    /// <summary>The field's trace, or null when the engine did not run it (the rule leaves it out).</summary>
    public FieldTrace? Field(FieldRule field) => fields.TryGetValue(field, out var trace) ? trace : null;

    internal void Add(FieldRule field, FieldTrace trace) => fields[field] = trace;
}
