using System.Collections.Generic;
using AngleSharp.Dom;

namespace NewsRules.Text;

/// <summary>
/// A walk of a subtree in document order that never recurses and never asks a node for its
/// sibling. AngleSharp's <c>NextSibling</c> searches the parent's child list from the start,
/// so a walk built on it is quadratic in the number of siblings (a page of 100,000
/// paragraphs in one container took minutes); this one keeps each level's child index on a
/// stack of its own, so every step is constant time and the stack is as deep as the tree.
/// </summary>
internal sealed class TreeWalk
{
    private readonly INode root;
    private readonly List<(INode Parent, int Index)> path = new();
    private readonly List<INode> left = new();

    /// <summary>Starts before the first child of <paramref name="root"/>; the root itself is never visited.</summary>
    public TreeWalk(INode root)
    {
        this.root = root;
        if (root.ChildNodes.Length > 0)
        {
            path.Add((root, 0));
            Current = root.ChildNodes[0];
        }
    }

    /// <summary>The node the walk stands on; null once the subtree is done.</summary>
    public INode? Current { get; private set; }

    /// <summary>
    /// The nodes the last <see cref="Next"/> finished, innermost first: the node it left
    /// without descending, then every ancestor (below the root) whose last child that was.
    /// </summary>
    public IReadOnlyList<INode> Left => left;

    /// <summary>
    /// Moves to the next node: the current node's first child when <paramref name="descend"/>
    /// and it has one, else its next sibling, else the next sibling of the nearest ancestor
    /// that has one. Returns false at the end of the subtree.
    /// </summary>
    public bool Next(bool descend)
    {
        left.Clear();
        var node = Current;
        if (node is null)
        {
            return false;
        }

        if (descend && node.ChildNodes.Length > 0)
        {
            path.Add((node, 0));
            Current = node.ChildNodes[0];
            return true;
        }

        while (path.Count > 0)
        {
            left.Add(node);
            var (parent, index) = path[path.Count - 1];
            var siblings = parent.ChildNodes;
            if (index + 1 < siblings.Length)
            {
                path[path.Count - 1] = (parent, index + 1);
                Current = siblings[index + 1];
                return true;
            }

            path.RemoveAt(path.Count - 1);
            if (parent == root)
            {
                break;
            }

            node = parent;
        }

        Current = null;
        return false;
    }
}
