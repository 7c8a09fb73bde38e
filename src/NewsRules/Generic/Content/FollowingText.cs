using System.Collections.Generic;
using AngleSharp.Dom;

namespace NewsRules.Generic;

/// <summary>
/// Text that follows an element, for the headings that end an article. Headings with no article
/// text after them in the container are the title of a related-stories list, a gallery or a
/// partners' box at the foot of the article, not a section of it. Linear over the page: text
/// after a heading is a difference of prefix sums, and each parent's loose text is read once.
/// A closing heading has less than <see cref="ContentFinderOptions.TrailingText"/> of such text after it.
/// </summary>
internal sealed class FollowingText
{
    private readonly PageTree tree;
    private readonly int trailingText;

    // before[k]: visible text outside links and outside furniture, owned by elements 0 … k-1;
    // goodBefore[k]: the good text (block scores) of those elements.
    private readonly long[] before;
    private readonly double[] goodBefore;
    private readonly Dictionary<IElement, HashSet<IElement>> looseTextAfter = new();

    public FollowingText(PageTree tree, bool[] insideFurniture, double[] blockGood, int trailingText)
    {
        this.tree = tree;
        this.trailingText = trailingText;
        before = new long[tree.Count + 1];
        goodBefore = new double[tree.Count + 1];
        for (var k = 0; k < tree.Count; k++)
        {
            before[k + 1] = before[k] + (insideFurniture[k] ? 0 : tree.OwnText[k] - tree.OwnLinkText[k]);
            goodBefore[k + 1] = goodBefore[k] + (insideFurniture[k] ? 0 : blockGood[k]);
        }
    }

    /// <summary>The good text after element <paramref name="i"/> inside <paramref name="within"/> (its later siblings' subtrees), outside furniture.</summary>
    public double GoodAfter(int i, int within) => goodBefore[tree.End[within]] - goodBefore[tree.End[i]];

    public bool IsTrailingHeading(int i, int container)
    {
        if (tree.Elements[i].LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6") || tree.Text[i] == 0 || tree.Text[i] > 120)
        {
            return false;
        }

        var after = before[tree.End[container]] - before[tree.End[i]];
        return after < trailingText && !LooseTextFollows(tree.Elements[i]);
    }

    /// <summary>True when text not wrapped in an element follows the heading in its parent (a heading, then &lt;br&gt; and running text).</summary>
    private bool LooseTextFollows(IElement heading)
    {
        if (heading.ParentElement is not { } parent)
        {
            return false;
        }

        if (!looseTextAfter.TryGetValue(parent, out var followed))
        {
            // One pass from the end over the parent's children: the elements that loose text follows.
            followed = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
            var siblings = parent.ChildNodes;
            var text = 0;
            for (var k = siblings.Length - 1; k >= 0; k--)
            {
                var node = siblings[k];
                if (node.NodeType == NodeType.Text && text < trailingText)
                {
                    foreach (var c in node.TextContent)
                    {
                        text += char.IsWhiteSpace(c) ? 0 : 1;
                    }
                }
                else if (node is IElement element && text >= trailingText)
                {
                    followed.Add(element);
                }
            }

            looseTextAfter[parent] = followed;
        }

        return followed.Contains(heading);
    }
}
