using System;
using System.Collections.Generic;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace NewsRules.Testing;

/// <summary>
/// A snapshot difference a reader can take in: one line per changed line, words removed shown
/// as <c>[-word-]</c> and words added as <c>{+word+}</c>, long unchanged stretches shortened to
/// <c>…</c>; a line only removed is <c>- …</c>, a line only added <c>+ …</c>. Line numbers are
/// those of the received file.
/// </summary>
public static class WordDiff
{
    private const int Context = 40;

    /// <summary>The changed lines of <paramref name="received"/> against <paramref name="verified"/>; empty when equal.</summary>
    public static string Describe(string verified, string received)
    {
        ArgumentNullException.ThrowIfNull(verified);
        ArgumentNullException.ThrowIfNull(received);
        var model = SideBySideDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false, ignoreCase: false);
        var text = new StringBuilder();
        var oldLines = model.OldText.Lines;
        var newLines = model.NewText.Lines;
        for (var i = 0; i < Math.Max(oldLines.Count, newLines.Count); i++)
        {
            var before = i < oldLines.Count ? oldLines[i] : null;
            var after = i < newLines.Count ? newLines[i] : null;
            if (before?.Type is ChangeType.Modified && after?.Type is ChangeType.Modified)
            {
                text.Append($"  line {after.Position}: ").Append(Words(before, after)).Append('\n');
            }
            else
            {
                if (before?.Type is ChangeType.Deleted or ChangeType.Modified)
                {
                    text.Append($"- line {before.Position} (was): ").Append(Shorten(before.Text.Trim(), Context * 3)).Append('\n');
                }

                if (after?.Type is ChangeType.Inserted or ChangeType.Modified)
                {
                    text.Append($"+ line {after.Position}: ").Append(Shorten(after.Text.Trim(), Context * 3)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static string Words(DiffPiece before, DiffPiece after)
    {
        var parts = new List<(string Text, bool Changed)>();
        var count = Math.Max(before.SubPieces.Count, after.SubPieces.Count);
        for (var i = 0; i < count; i++)
        {
            var removed = i < before.SubPieces.Count ? before.SubPieces[i] : null;
            var added = i < after.SubPieces.Count ? after.SubPieces[i] : null;
            if (removed?.Type == ChangeType.Unchanged && added?.Type == ChangeType.Unchanged)
            {
                parts.Add((added.Text ?? string.Empty, false));
                continue;
            }

            var change = new StringBuilder();
            if (removed is { Text: { Length: > 0 } gone } && removed.Type is ChangeType.Deleted or ChangeType.Modified)
            {
                change.Append("[-").Append(gone).Append("-]");
            }

            if (added is { Text: { Length: > 0 } come } && added.Type is ChangeType.Inserted or ChangeType.Modified)
            {
                change.Append("{+").Append(come).Append("+}");
            }

            parts.Add((change.ToString(), true));
        }

        // Merge neighbouring changes, then shorten the unchanged runs between them.
        var line = new StringBuilder();
        var unchanged = new StringBuilder();
        var first = true;
        foreach (var (part, changed) in parts)
        {
            if (!changed)
            {
                unchanged.Append(part);
                continue;
            }

            line.Append(first ? Tail(unchanged.ToString().TrimStart()) : Middle(unchanged.ToString())).Append(part);
            unchanged.Clear();
            first = false;
        }

        return line.Append(Head(unchanged.ToString().TrimEnd())).ToString();
    }

    private static string Tail(string text) => text.Length <= Context ? text : "…" + text.Substring(text.Length - Context);

    private static string Head(string text) => text.Length <= Context ? text : text.Substring(0, Context) + "…";

    private static string Middle(string text) => text.Length <= 2 * Context ? text : text.Substring(0, Context) + "…" + text.Substring(text.Length - Context);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "…";
}
