namespace NewsRules.Generic;

/// <summary>
/// The content finder's thresholds: how much each kind of text weighs and how far the chosen
/// container may grow. Immutable; <see cref="Default"/> is what the generic extractor uses, and a
/// test varies a copy (<c>ContentFinderOptions.Default with { SiblingMin = 500 }</c>).
/// </summary>
internal sealed record ContentFinderOptions
{
    /// <summary>The thresholds the generic extractor runs with (measured on the corpora, docs/fallback.md).</summary>
    public static ContentFinderOptions Default { get; } = new();

    /// <summary>Weight of a short line's (under 25 characters) plain text as bad text.</summary>
    public double ShortPenalty { get; init; } = 0.05;

    /// <summary>Weight of a heading's plain text as good text.</summary>
    public double HeadingWeight { get; init; } = 0.3;

    /// <summary>Weight of a medium block's (25 to 79 characters) plain text as good text.</summary>
    public double MediumWeight { get; init; } = 0.6;

    /// <summary>Share of its good text added to the score of an element named for the article's content.</summary>
    public double ContentBonus { get; init; } = 0.2;

    /// <summary>Share of the page's prose a boilerplate-named element must hold to count as the article's wrapper.</summary>
    public double ProseShare { get; init; } = 0.5;

    /// <summary>Share of a content-named element's prose that a furniture-named element inside it must hold to count as its wrapper (0: never).</summary>
    public double InnerWrapper { get; init; } = 0.8;

    /// <summary>The score a parent may cost, at least, for the container to climb to it.</summary>
    public double ClimbMin { get; init; } = 10;

    /// <summary>The score a parent may cost, as a share of the container's good text, for the container to climb to it.</summary>
    public double ClimbFactor { get; init; } = 0.02;

    /// <summary>The net text a sibling of the container must hold, at least, to join it.</summary>
    public double SiblingMin { get; init; } = 50;

    /// <summary>The net text a sibling must hold, as a share of the container's good text, to join it (0: no siblings join).</summary>
    public double SiblingFactor { get; init; } = 0.02;

    /// <summary>The longest text of an element before the headline inside the container that is left out (breadcrumbs, a kicker).</summary>
    public double BeforeTitleMax { get; init; } = 100;

    /// <summary>
    /// Prose (weighted plain characters in running-text blocks) that keeps an element from being
    /// cut as a link list: the article and its related links in one div are more than half links
    /// by characters, but the list inside it is cut on its own.
    /// </summary>
    public double LinkListProse { get; init; } = 200;

    /// <summary>Share of the container's good text after a section-end heading below which the heading and what follows go.</summary>
    public double SectionCutShare { get; init; } = 0.3;

    /// <summary>Visible text (outside links) after a closing heading in the container below which the heading goes.</summary>
    public int TrailingText { get; init; } = 40;
}
