using System;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace NewsRules.Generic;

/// <summary>Where the article's text is: the container(s) to read, and what inside them to leave out.</summary>
internal sealed class ContentSelection
{
    public List<IElement> Containers { get; } = new();

    public HashSet<IElement> Excluded { get; } = new();

    public HashSet<IElement> Captions { get; } = new();

    /// <summary>The chosen container's score, for the explanation.</summary>
    public double Score { get; set; }

    /// <summary>Which elements of the page tree were taken for furniture (by index).</summary>
    public bool[] Furniture { get; set; } = System.Array.Empty<bool>();
}
