using System;
using System.Collections.Generic;
using System.Text;
using AngleSharp.Dom;

namespace NewsRules.Text;

/// <summary>
/// Reads a data table as one <see cref="BlockKind.Table"/> block (rows of cells), and tells it
/// apart from a layout table, whose cells the body reader reads as running text, as before.
/// </summary>
/// <remarks>
/// A table is a layout table, not data, when any of these holds: it says so
/// (<c>role="presentation"</c> or <c>"none"</c>); it holds another table (pages laid out in
/// nested tables); fewer than two of its rows have two cells with text (one cell wide: a frame
/// around text; one row; or an image beside its text); or a cell holds prose (a cell of more
/// than <see cref="ProseCell"/> characters, or one with paragraphs, headings, lists or quotes
/// in it), which is text positioned by the table, not a value in a grid.
/// </remarks>
internal static class TableReader
{
    /// <summary>A cell with more text than this is prose laid out by the table, not a value.</summary>
    internal const int ProseCell = 400;

    /// <summary>
    /// The table's rows of cells when it is a data table, else null. Rows and cells that are
    /// left out (junk, hidden, the boilerplate net's) are skipped; rows with no text are dropped;
    /// a cell's line breaks become spaces.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>>? ReadData(IElement table, ISet<IElement> excluded)
    {
        if (table.GetAttribute("role") is { } role
            && (role.Equals("presentation", StringComparison.OrdinalIgnoreCase) || role.Equals("none", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var rows = new List<IReadOnlyList<string>>();
        var wideRows = 0;
        foreach (var row in RowsOf(table))
        {
            if (excluded.Contains(row) || HtmlText.IsSkipped(row))
            {
                continue;
            }

            var cells = new List<string>();
            var filled = 0;
            for (var cell = row.FirstElementChild; cell is not null; cell = cell.NextElementSibling)
            {
                if (cell.LocalName is not ("td" or "th") || excluded.Contains(cell) || HtmlText.IsSkipped(cell))
                {
                    continue;
                }

                if (HoldsLayout(cell))
                {
                    return null;
                }

                var text = HtmlText.Of(cell, excluded).Replace('\n', ' ');
                if (text.Length > ProseCell)
                {
                    return null;
                }

                filled += text.Length > 0 ? 1 : 0;
                cells.Add(text);
            }

            if (filled == 0)
            {
                continue;
            }

            // Two cells with text: a row of values. An image cell beside its text is not one.
            if (filled >= 2)
            {
                wideRows++;
            }

            rows.Add(cells);
        }

        return wideRows >= 2 ? rows : null;
    }

    /// <summary>The block text of a table: one line per row, cells separated by " | " (an empty cell leaves "| |").</summary>
    public static string Text(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            var start = text.Length;
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(" |");
                }

                if (row[i].Length > 0)
                {
                    text.Append(i > 0 ? " " : string.Empty).Append(row[i]);
                }
            }

            // A row whose first cell is empty starts with its separator: "| b", not " | b".
            if (text.Length > start && text[start] == ' ')
            {
                text.Remove(start, 1);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The table's own rows, in document order: those directly in it and in its
    /// <c>thead</c>/<c>tbody</c>/<c>tfoot</c>, not those of a table nested in a cell.
    /// </summary>
    private static IEnumerable<IElement> RowsOf(IElement table)
    {
        for (var child = table.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (child.LocalName == "tr")
            {
                yield return child;
            }
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
            {
                for (var row = child.FirstElementChild; row is not null; row = row.NextElementSibling)
                {
                    if (row.LocalName == "tr")
                    {
                        yield return row;
                    }
                }
            }
        }
    }

    /// <summary>True for a cell that holds another table or blocks of prose: the table lays out a page.</summary>
    private static bool HoldsLayout(IElement cell)
    {
        foreach (var inner in cell.QuerySelectorAll("table, p, h1, h2, h3, h4, h5, h6, ul, ol, blockquote, article, section"))
        {
            if (inner.LocalName != "p")
            {
                return true;
            }

            // One paragraph wrapping the value is how some editors write every cell; more is prose.
            if (inner.PreviousElementSibling?.LocalName == "p" || inner.NextElementSibling?.LocalName == "p")
            {
                return true;
            }
        }

        return false;
    }
}
