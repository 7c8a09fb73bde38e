using System.Collections.Generic;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Generic;

/// <summary>
/// The page's visible elements flattened in document order, with the counts the content scorer
/// needs: text and link text below each element, and the "own" text of each block (text whose
/// nearest block-level ancestor it is). Built in one iterative walk and one reverse pass, so a
/// page of any depth costs two linear passes and no recursion.
/// </summary>
internal sealed class PageTree
{
    private PageTree(IElement root, int capacity)
    {
        Root = root;
        Elements = new List<IElement>(capacity);
    }

    /// <summary>The walk's root (the page's body).</summary>
    public IElement Root { get; }

    /// <summary>Every visible element below and including the root, in document order.</summary>
    public List<IElement> Elements { get; }

    /// <summary>The index of each element's parent (-1 for the root).</summary>
    public int[] Parent { get; private set; } = System.Array.Empty<int>();

    /// <summary>Visible characters (white space not counted) in the element's subtree.</summary>
    public int[] Text { get; private set; } = System.Array.Empty<int>();

    /// <summary>Of <see cref="Text"/>, the characters inside links.</summary>
    public int[] LinkText { get; private set; } = System.Array.Empty<int>();

    /// <summary>Links (<c>a[href]</c>) in the subtree.</summary>
    public int[] Links { get; private set; } = System.Array.Empty<int>();

    /// <summary>Characters whose nearest block-level ancestor is this element: the text of the block it shows.</summary>
    public int[] OwnText { get; private set; } = System.Array.Empty<int>();

    /// <summary>Of <see cref="OwnText"/>, the characters inside links.</summary>
    public int[] OwnLinkText { get; private set; } = System.Array.Empty<int>();

    /// <summary>Commas (any script) in the element's own block text: a sign of running prose.</summary>
    public int[] OwnCommas { get; private set; } = System.Array.Empty<int>();

    /// <summary>Sentence ends (. ! ? and their CJK and Arabic forms) in the own block text.</summary>
    public int[] OwnStops { get; private set; } = System.Array.Empty<int>();

    /// <summary>One past the last descendant of each element: its subtree is the index range [i, End[i]).</summary>
    public int[] End { get; private set; } = System.Array.Empty<int>();

    public int Count => Elements.Count;

    /// <summary>
    /// The element's index, or -1 when it is not in the tree (hidden, or outside the root). A
    /// search by reference: the content scorer asks it of a handful of elements (the title, the
    /// date, the bylines), and a dictionary of every element cost more to fill than the searches.
    /// </summary>
    public int IndexOf(IElement element)
    {
        var elements = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Elements);
        for (var i = 0; i < elements.Length; i++)
        {
            if (ReferenceEquals(elements[i], element))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when element <paramref name="i"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public bool IsInside(int i, int ancestor) => i >= ancestor && i < End[ancestor];

    public static PageTree Build(IElement root)
    {
        var builder = new Builder(root);
        // TreeWalk steps by child index: AngleSharp's NextSibling searches the parent's children,
        // which made this walk quadratic on wide pages.
        var walk = new TreeWalk(root);
        while (walk.Current is { } node)
        {
            var descend = false;
            if (node is IText t)
            {
                builder.AddText(t.Data);
            }
            else if (node is IElement element && !IsHidden(element))
            {
                builder.Enter(element);
                if (element.FirstChild is not null)
                {
                    descend = true;
                }
                else
                {
                    builder.Exit();
                }
            }

            // Exit every element the step finished (Left[0] is the node itself, already handled).
            walk.Next(descend);
            for (var left = 1; left < walk.Left.Count; left++)
            {
                builder.Exit();
            }
        }

        return builder.Finish();
    }

    /// <summary>
    /// Builds the tree from the events of a walk in document order: <see cref="Enter"/> for each
    /// visible element (the root first), <see cref="AddText"/> for each text inside one,
    /// <see cref="Exit"/> when an entered element ends. <see cref="PageScan"/> drives it from its own walk.
    /// </summary>
    internal sealed class Builder
    {
        private readonly PageTree tree;
        private readonly List<int> parents = new(1024);
        private readonly List<int> text = new(1024);
        private readonly List<int> linkText = new(1024);
        private readonly List<int> links = new(1024);
        private readonly List<int> ownText = new(1024);
        private readonly List<int> ownLinkText = new(1024);
        private readonly List<int> ownCommas = new(1024);
        private readonly List<int> ownStops = new(1024);
        private readonly Stack<int> open = new();
        private readonly Stack<int> blocks = new();
        private int linkDepth;

        /// <summary>Starts the tree at <paramref name="root"/> (entered).</summary>
        public Builder(IElement root)
        {
            tree = new PageTree(root, 1024);
            Enter(root);
        }

        /// <summary>True while an element is open (until the root is exited).</summary>
        public bool IsOpen => open.Count > 0;

        public void Enter(IElement element)
        {
            var i = tree.Elements.Count;
            tree.Elements.Add(element);
            parents.Add(open.Count == 0 ? -1 : open.Peek());
            text.Add(0);
            linkText.Add(0);
            var isLink = element.LocalName == "a" && element.HasAttribute("href");
            links.Add(isLink ? 1 : 0);
            ownText.Add(0);
            ownLinkText.Add(0);
            ownCommas.Add(0);
            ownStops.Add(0);
            open.Push(i);
            if (isLink)
            {
                linkDepth++;
            }

            if (blocks.Count == 0 || HtmlText.IsBlockLevel(element))
            {
                blocks.Push(i);
            }
        }

        public void Exit()
        {
            var i = open.Pop();
            var element = tree.Elements[i];
            if (links[i] == 1 && element.LocalName == "a")
            {
                linkDepth--;
            }

            if (blocks.Count > 0 && blocks.Peek() == i)
            {
                blocks.Pop();
            }
        }

        public void AddText(string data)
        {
            int visible = 0, commas = 0, stops = 0;
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                visible++;
                switch (c)
                {
                    case ',' or '،' or '、' or '，':
                        commas++;
                        break;
                    case '.' or '!' or '?' or '。' or '！' or '？' or '؟':
                        stops++;
                        break;
                }
            }

            if (visible == 0)
            {
                return;
            }

            var owner = open.Peek();
            text[owner] += visible;
            var block = blocks.Peek();
            ownText[block] += visible;
            ownCommas[block] += commas;
            ownStops[block] += stops;
            if (linkDepth > 0)
            {
                linkText[owner] += visible;
                ownLinkText[block] += visible;
            }
        }

        public PageTree Finish()
        {
            var n = tree.Elements.Count;
            var p = parents.ToArray();
            var t2 = text.ToArray();
            var l2 = linkText.ToArray();
            var k2 = links.ToArray();
            var end = new int[n];
            for (var i = 0; i < n; i++)
            {
                end[i] = i + 1;
            }

            for (var i = n - 1; i > 0; i--)
            {
                var parent = p[i];
                if (end[i] > end[parent])
                {
                    end[parent] = end[i];
                }

                t2[parent] += t2[i];
                l2[parent] += l2[i];
                k2[parent] += k2[i];
            }

            tree.Parent = p;
            tree.End = end;
            tree.Text = t2;
            tree.LinkText = l2;
            tree.Links = k2;
            tree.OwnText = ownText.ToArray();
            tree.OwnLinkText = ownLinkText.ToArray();
            tree.OwnCommas = ownCommas.ToArray();
            tree.OwnStops = ownStops.ToArray();
            return tree;
        }
    }

    /// <summary>
    /// Elements that hold no visible text. Unlike the rule engine, a <c>&lt;form&gt;</c> is walked:
    /// ASP.NET pages wrap the whole page in one.
    /// </summary>
    internal static bool IsHidden(IElement element) =>
        element.LocalName != "form" && HtmlText.IsSkipped(element);
}
