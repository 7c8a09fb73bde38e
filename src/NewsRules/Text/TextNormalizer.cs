using System;
using System.Buffers;
using System.Text;

namespace NewsRules.Text;

/// <summary>
/// The one text normalization of the engine: whitespace runs collapsed to one space,
/// no-break spaces made spaces, invisible characters that carry no meaning dropped, and the
/// zero-width joiner and non-joiner (U+200D, U+200C) kept, since Arabic and Persian spelling
/// depends on them. A line break marker (from <c>&lt;br&gt;</c>) survives as <c>\n</c>. Half of a
/// surrogate pair becomes U+FFFD, so every result can be written as UTF-8.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Stands for a <c>&lt;br&gt;</c> while text is gathered (U+2028 LINE SEPARATOR).</summary>
    public const char LineBreak = '\u2028';

    /// <summary>Normalizes text as described on the class.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        return Normalize(text.AsSpan());
    }

    /// <summary>
    /// Normalizes the text gathered in <paramref name="builder"/>, as <see cref="Normalize(string)"/>
    /// does its <c>ToString()</c>, without making that intermediate string: the body reader and
    /// element texts gather raw text in a builder, and copying it out only to copy it again
    /// was a third of their allocations.
    /// </summary>
    public static string Normalize(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var length = builder.Length;
        if (length == 0)
        {
            return string.Empty;
        }

        // A builder in one piece (the usual case: the readers reuse theirs, and clearing one keeps
        // one chunk) is read where it stands, without copying it out first.
        ReadOnlyMemory<char> only = default;
        var pieces = 0;
        foreach (var chunk in builder.GetChunks())
        {
            if (chunk.Length > 0)
            {
                only = chunk;
                if (++pieces > 1)
                {
                    break;
                }
            }
        }

        if (pieces == 1)
        {
            return Normalize(only.Span);
        }

        var rented = ArrayPool<char>.Shared.Rent(length);
        try
        {
            builder.CopyTo(0, rented, 0, length);
            return Normalize(new ReadOnlySpan<char>(rented, 0, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The one separator before the next visible character (a line break wins over a space), none at the start; the new length.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Separate(Span<char> output, int length, bool pendingBreak, bool pendingSpace)
    {
        if (length > 0 && (pendingBreak || pendingSpace))
        {
            output[length++] = pendingBreak ? '\n' : ' ';
        }

        return length;
    }

    // The result is never longer than the text: a separator stands for at least one white space
    // or line break marker that was read, and each other character gives at most one.
    private static string Normalize(ReadOnlySpan<char> text)
    {
        var rented = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var output = rented.AsSpan();
            var length = 0;
            var pendingSpace = false;
            var pendingBreak = false;
            var visible = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c is > ' ' and <= '~')
                {
                    // A run of printable ASCII with single spaces inside (most text): the loop below
                    // would copy it character by character, each space becoming the one separator
                    // before the next character. Found and copied with vectorized searches.
                    var run = text.Slice(i);
                    var end = run.IndexOfAnyExceptInRange(' ', '~');
                    if (end >= 0)
                    {
                        run = run.Slice(0, end);
                    }

                    var doubled = run.IndexOf("  ", StringComparison.Ordinal);
                    if (doubled >= 0)
                    {
                        run = run.Slice(0, doubled);
                    }

                    run = run.TrimEnd(' ');
                    length = Separate(output, length, pendingBreak, pendingSpace);
                    pendingSpace = false;
                    pendingBreak = false;
                    visible = true;
                    run.CopyTo(output.Slice(length));
                    length += run.Length;
                    i += run.Length - 1;
                    continue;
                }

                if (c == LineBreak)
                {
                    pendingBreak = true;
                    continue;
                }

                if (IsDropped(c))
                {
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = true;
                    continue;
                }

                length = Separate(output, length, pendingBreak, pendingSpace);
                pendingSpace = false;
                pendingBreak = false;
                visible |= c is not ('\u200C' or '\u200D');
                if (char.IsSurrogate(c))
                {
                    // A pair is kept whole; half of one (from a broken page) cannot be encoded: U+FFFD, as a decoder does.
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        output[length++] = c;
                        output[length++] = text[++i];
                    }
                    else
                    {
                        output[length++] = '\uFFFD';
                    }

                    continue;
                }

                output[length++] = c;
            }

            // Joiners alone are no text: Persian pages use <p>&zwnj;</p> as a spacer.
            return visible ? new string(output.Slice(0, length)) : string.Empty;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Preformatted text: lines and indentation kept, line endings made <c>\n</c>, trailing
    /// spaces and blank lines at either end removed.
    /// </summary>
    public static string NormalizePreformatted(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
        {
            if (c == LineBreak)
            {
                builder.Append('\n');
            }
            else if (c == '\u00A0' || c == '\t')
            {
                builder.Append(c == '\t' ? "    " : " ");
            }
            else if (!IsDropped(c))
            {
                builder.Append(c);
            }
        }

        ReplaceLoneSurrogates(builder);

        var lines = builder.ToString().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd();
        }

        return string.Join("\n", lines).Trim('\n');
    }

    private static void ReplaceLoneSurrogates(StringBuilder builder)
    {
        for (var i = 0; i < builder.Length; i++)
        {
            if (char.IsHighSurrogate(builder[i]) && i + 1 < builder.Length && char.IsLowSurrogate(builder[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(builder[i]))
            {
                builder[i] = '\uFFFD';
            }
        }
    }

    // Zero-width space, word joiner, BOM, soft hyphen and bidi marks: invisible, and they break
    // comparisons. U+200C and U+200D are NOT here: they change how Arabic-script words are written.
    private static bool IsDropped(char c) =>
        c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F' or '\u061C'
            || (c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f');
}
