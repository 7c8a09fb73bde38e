using System.Collections.Generic;
using AngleSharp.Dom;

namespace NewsRules;

/// <summary>An element the boilerplate net left out of a rule's body, and why.</summary>
/// <param name="Element">The element (its whole subtree left out).</param>
/// <param name="Reason">The signal that recognised it, e.g. "visually hidden", "link list".</param>
internal sealed record BoilerplateRemoval(IElement Element, string Reason);

/// <summary>
/// A second pass over a rule's body after its own junk: recognises page furniture the rule's
/// author did not list (share bars, related lists, newsletter walls …). The engine knows only this
/// interface; the front door hands it the generic extractor's net unless the rule says
/// <c>boilerplate: keep</c>.
/// </summary>
internal interface IBodyNet
{
    /// <summary>
    /// Adds what it recognises inside <paramref name="containers"/> to <paramref name="excluded"/>
    /// and to <paramref name="removed"/>. Elements already excluded, captions and whatever holds a
    /// caption are left as they are.
    /// </summary>
    void Apply(IReadOnlyList<IElement> containers, HashSet<IElement> excluded, IReadOnlySet<IElement> captions, List<BoilerplateRemoval> removed);
}
