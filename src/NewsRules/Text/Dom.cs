using System.Collections.Generic;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace NewsRules.Text;

/// <summary>
/// Iterative tree walks. Real pages can nest tens of thousands of levels deep; recursion
/// would overflow the stack, so the walks here keep their own stack or follow sibling and
/// parent links instead.
/// </summary>
internal static class Dom
{
    /// <summary>
    /// The node after <paramref name="node"/> in document order within <paramref name="root"/>:
    /// its first child when <paramref name="descend"/>, else its next sibling, else the next
    /// sibling of the nearest ancestor that has one. Null at the end of the subtree.
    /// </summary>
    public static INode? Next(INode node, INode root, bool descend)
    {
        if (descend && node.FirstChild is { } child)
        {
            return child;
        }

        var current = node;
        while (current is not null && current != root)
        {
            if (current.NextSibling is { } sibling)
            {
                return sibling;
            }

            current = current.Parent;
        }

        return null;
    }

    /// <summary>Every element below <paramref name="root"/> (not the root itself) that matches, in document order.</summary>
    public static List<IElement> QueryAll(INode root, ISelector selector) => QueryAny(root, new[] { selector });

    /// <summary>
    /// Every element below <paramref name="root"/> that matches any of the selectors, once, in
    /// document order: one walk instead of one per selector and a sort by document position
    /// (AngleSharp's <c>CompareDocumentPosition</c> costs a search of the siblings per call).
    /// </summary>
    public static List<IElement> QueryAny(INode root, IReadOnlyList<ISelector> selectors)
    {
        var results = new List<IElement>();
        foreach (var element in Elements(root))
        {
            foreach (var selector in selectors)
            {
                if (selector.Match(element, null))
                {
                    results.Add(element);
                    break;
                }
            }
        }

        return results;
    }

    /// <summary>
    /// Every element below <paramref name="root"/> (not the root itself), in document order.
    /// Walks child lists by index with an explicit stack: AngleSharp's <c>NextSibling</c>
    /// searches the parent's children for the node each time, which makes a sibling-by-sibling
    /// walk quadratic in the width of the page (a body of 2,000 children costs 2 million steps).
    /// The document must not change during the walk.
    /// </summary>
    public static IEnumerable<IElement> Elements(INode root)
    {
        var pending = new Stack<(INodeList Children, int Next)>(32);
        var children = root.ChildNodes;
        var index = 0;
        while (true)
        {
            if (index < children.Length)
            {
                // NodeType first: a cast that fails (text nodes) scans the node's whole interface map.
                if (children[index++] is { NodeType: NodeType.Element } and IElement element)
                {
                    yield return element;
                    var below = element.ChildNodes;
                    if (below.Length > 0)
                    {
                        pending.Push((children, index));
                        children = below;
                        index = 0;
                    }
                }
            }
            else if (pending.Count > 0)
            {
                (children, index) = pending.Pop();
            }
            else
            {
                yield break;
            }
        }
    }

    /// <summary>True when <paramref name="node"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public static bool IsInside(INode node, INode ancestor)
    {
        for (INode? current = node; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="node"/> lies inside, or is, any element of the set.</summary>
    public static bool IsInsideAny(INode node, HashSet<IElement> set)
    {
        if (set.Count == 0)
        {
            return false;
        }

        for (INode? current = node; current is not null; current = current.Parent)
        {
            if (current is IElement element && set.Contains(element))
            {
                return true;
            }
        }

        return false;
    }
}
