using System;
using System.Collections.Generic;
using System.Linq;

namespace NewsRules;

/// <summary>What a body block is.</summary>
public enum BlockKind
{
    /// <summary>Running text: a <c>p</c>, or text directly in a container.</summary>
    Paragraph,

    /// <summary>A subheading (<c>h1</c>–<c>h6</c>).</summary>
    Heading,

    /// <summary>Text inside a <c>blockquote</c>.</summary>
    Quote,

    /// <summary>A list item (<c>li</c>).</summary>
    ListItem,

    /// <summary>A caption the rule's <c>captions</c> matched, where it stands in the body.</summary>
    Caption,

    /// <summary>Preformatted text (<c>pre</c>), whitespace kept.</summary>
    Preformatted,

    /// <summary>
    /// A data table: <see cref="Block.Rows"/> holds its rows of cells; the text is one line per
    /// row, cells separated by <c>" | "</c>. Layout tables are read as running text.
    /// </summary>
    Table,
}

/// <summary>One block of the article body.</summary>
/// <param name="Kind">What the block is.</param>
/// <param name="Text">Its normalized text; <c>\n</c> where the page had <c>&lt;br&gt;</c>.</param>
public sealed record Block(BlockKind Kind, string Text)
{
    /// <summary>A <see cref="BlockKind.Table"/>'s rows of cells (each cell's normalized text); null for any other kind.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Rows { get; init; }

    /// <summary>Same kind, text and cells.</summary>
    public bool Equals(Block? other) =>
        other is not null && Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal) && SameRows(Rows, other.Rows);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Text);

    private static bool SameRows(IReadOnlyList<IReadOnlyList<string>>? a, IReadOnlyList<IReadOnlyList<string>>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!a[i].SequenceEqual(b[i], StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
