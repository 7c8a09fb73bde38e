using System.Collections.Generic;
using System.Text;
using AngleSharp.Dom;

namespace NewsRules.Text;

/// <summary>
/// Turns body containers into blocks: walks each container in document order (iteratively),
/// skips junk, fields' own elements and non-text elements, emits a caption block where a
/// caption stands and a table block where a data table stands (<see cref="TableReader"/>), and
/// cuts running text into paragraphs, headings, quotes, list items and preformatted blocks at
/// block-level elements.
/// </summary>
internal sealed class BodyReader
{
    private readonly HashSet<IElement> excluded;
    private readonly HashSet<IElement> captions;
    private readonly List<Block> blocks = new();
    private readonly StringBuilder buffer = new();

    // The tag names of the excluded and the caption elements, when they are few: an element
    // whose tag is none of them is in neither set, which spares hashing it (the first hash of an
    // object is costly, and the body reader asked it of every element of the body).
    private readonly string[]? excludedNames;
    private readonly string[]? captionNames;
    private const int MaxNames = 8;

    // unwrap and rename: elements read as another tag (span: inline text); null when the rule has none.
    private readonly Dictionary<IElement, string>? renamed;

    // reveal (issue 23 hook): hidden elements the rule asks to read; null when the rule has none.
    private readonly HashSet<IElement>? revealed;

    public BodyReader(HashSet<IElement> excluded, HashSet<IElement> captions, Dictionary<IElement, string>? renamed = null, HashSet<IElement>? revealed = null)
    {
        this.revealed = revealed;
        this.excluded = excluded;
        this.captions = captions;
        this.renamed = renamed is { Count: > 0 } ? renamed : null;
        excludedNames = NamesOf(excluded);
        captionNames = NamesOf(captions);
    }

    public List<Block> Blocks => blocks;

    // reveal (issue 23 hook): a hidden element the rule reveals is read; scripts, forms and the
    // other kinds never carry article text, so revealing them reads nothing.
    private bool IsRevealed(IElement element) =>
        revealed is not null && revealed.Contains(element) && !HtmlText.Skipped.Contains(element.LocalName);

    public void Read(IElement container)
    {
        // Frames: the element whose end is pending, and the block kind in force inside it.
        var open = new Stack<(IElement Element, BlockKind Kind)>();
        // The container's own kind counts: a body that is a <pre> keeps its whitespace.
        open.Push((container, KindOf(container.LocalName, BlockKind.Paragraph)));
        var walk = new TreeWalk(container);
        while (walk.Current is { } node)
        {
            var descend = false;
            switch (node)
            {
                // NodeType first: a cast to IText that fails (every element) scans the element's whole interface map.
                case { NodeType: not NodeType.Element } and IText text:
                    buffer.Append(text.Data);
                    break;
                case IElement element when element.LocalName == "br":
                    LineBreak(open.Peek().Kind);
                    break;
                case IElement element when IsIn(excluded, excludedNames, element) || (HtmlText.IsSkipped(element) && !IsRevealed(element)):
                    // Left out, but a left-out block still ends the text before it: "one<div class=ad>…</div>two"
                    // is two paragraphs, not "onetwo".
                    if (HtmlText.BreaksText(element))
                    {
                        Flush(open.Peek().Kind);
                    }

                    break;
                case IElement element when IsIn(captions, captionNames, element):
                    Flush(open.Peek().Kind);
                    Add(BlockKind.Caption, HtmlText.Of(element, excluded));
                    break;
                case IElement element:
                    var name = renamed is not null && renamed.TryGetValue(element, out var readAs) ? readAs : element.LocalName;
                    if (name == "table" && TableReader.ReadData(element, excluded) is { } rows)
                    {
                        // A data table is one block; its caption stands before it, as a figure's does.
                        Flush(open.Peek().Kind);
                        if (TableCaption(element) is { } caption && !IsIn(excluded, excludedNames, caption) && !HtmlText.IsSkipped(caption))
                        {
                            Add(BlockKind.Caption, HtmlText.Of(caption, excluded));
                        }

                        AddTable(rows);
                    }
                    else if (HtmlText.IsBlockLevel(name))
                    {
                        Flush(open.Peek().Kind);
                        if (element.FirstChild is not null)
                        {
                            open.Push((element, KindOf(name, open.Peek().Kind)));
                            descend = true;
                        }
                    }
                    else
                    {
                        descend = element.FirstChild is not null;
                    }

                    break;
            }

            // Close (and flush) every block element the walk leaves.
            walk.Next(descend);
            var leftNodes = walk.Left;
            for (var i = 0; i < leftNodes.Count; i++)
            {
                // By index: a foreach over the interface boxed an enumerator for every node of the body.
                // By reference: the open element is the node itself, no cast of every node needed.
                if (open.Count > 1 && ReferenceEquals(open.Peek().Element, leftNodes[i]))
                {
                    Flush(open.Pop().Kind);
                }
            }
        }

        Flush(open.Peek().Kind);
    }

    /// <summary>
    /// A <c>&lt;br&gt;</c> is a line break inside the block; two in a row (only white space
    /// between) end the paragraph, as pages that use <c>&lt;br&gt;&lt;br&gt;</c> instead of
    /// <c>&lt;p&gt;</c> mean it.
    /// </summary>
    private void LineBreak(BlockKind kind)
    {
        var end = buffer.Length - 1;
        while (end >= 0 && buffer[end] != TextNormalizer.LineBreak && char.IsWhiteSpace(buffer[end]))
        {
            end--;
        }

        if (end >= 0 && buffer[end] == TextNormalizer.LineBreak && kind != BlockKind.Preformatted)
        {
            buffer.Length = end;
            Flush(kind);
            return;
        }

        buffer.Append(TextNormalizer.LineBreak);
    }

    /// <summary>The distinct tag names of the set's elements; null when there are more than a few.</summary>
    private static string[]? NamesOf(HashSet<IElement> set)
    {
        var names = new List<string>(MaxNames);
        foreach (var element in set)
        {
            var name = element.LocalName;
            if (!names.Contains(name))
            {
                if (names.Count == MaxNames)
                {
                    return null;
                }

                names.Add(name);
            }
        }

        return names.ToArray();
    }

    private static bool IsIn(HashSet<IElement> set, string[]? names, IElement element)
    {
        if (set.Count == 0)
        {
            return false;
        }

        if (names is not null)
        {
            var name = element.LocalName;
            var known = false;
            foreach (var candidate in names)
            {
                if (string.Equals(candidate, name, System.StringComparison.Ordinal))
                {
                    known = true;
                    break;
                }
            }

            if (!known)
            {
                return false;
            }
        }

        return set.Contains(element);
    }

    private static BlockKind KindOf(string name, BlockKind outer) => name switch
    {
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "blockquote" => BlockKind.Quote,
        "li" or "dt" or "dd" => outer == BlockKind.Quote ? BlockKind.Quote : BlockKind.ListItem,
        "pre" => BlockKind.Preformatted,
        _ => outer,
    };

    private void Flush(BlockKind kind)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        // Normalized straight from the buffer: one string, not the raw text and then the normalized copy.
        var text = kind == BlockKind.Preformatted ? TextNormalizer.NormalizePreformatted(buffer.ToString()) : TextNormalizer.Normalize(buffer);
        buffer.Clear();
        Add(kind, text);
    }

    private void AddTable(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (rows.Count > 0)
        {
            blocks.Add(new Block(BlockKind.Table, TableReader.Text(rows)) { Rows = rows });
        }
    }

    private static IElement? TableCaption(IElement table)
    {
        for (var child = table.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (child.LocalName == "caption")
            {
                return child;
            }
        }

        return null;
    }

    private void Add(BlockKind kind, string text)
    {
        if (text.Length > 0)
        {
            blocks.Add(new Block(kind, text));
        }
    }
}
