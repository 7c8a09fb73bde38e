using System;
using System.Collections.Generic;
using System.Numerics;

namespace NewsRules.Html;

/// <summary>
/// Keeps pathological nesting away from the HTML parser. The HTML tree construction
/// algorithm looks through the stack of open elements for almost every token, so markup
/// that opens 100,000 elements without closing them costs 100,000² steps (minutes) before
/// AngleSharp's own depth limit (<c>HtmlParserOptions.MaximumDepth</c>, which re-parents the
/// excess only after the tree is built) can help. A linear pre-scan estimates the nesting
/// and, only when it exceeds <see cref="MaxDepth"/>, removes the start tags past the limit
/// (and their end tags): their text stays, in the deepest element allowed. Pages that nest
/// less, which is every real page, are parsed exactly as given.
/// </summary>
/// <remarks>
/// The scan is a simplified tokenizer: comments, doctypes, quoted attribute values and the
/// raw text of <c>script</c>, <c>style</c>, <c>textarea</c>, <c>title</c>… are skipped;
/// void elements and elements that cannot contain themselves (<c>p</c>, <c>li</c>,
/// <c>td</c>, <c>a</c>…) are not counted. It works on bytes as well as on text, since the
/// markup characters are ASCII in every encoding a page can declare except UTF-16, which
/// <see cref="HtmlDocuments"/> decodes first.
/// </remarks>
internal static class NestingGuard
{
    /// <summary>The deepest nesting of counted elements handed to the parser (AngleSharp's own tree limit is 512 too).</summary>
    public const int MaxDepth = 512;

    private static readonly HashSet<string> NotCounted = new(StringComparer.Ordinal)
    {
        // Void elements.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "param", "keygen", "frame", "basefont", "bgsound", "image",
        // Elements whose start tag closes an open one of their kind (or that exist once).
        "p", "li", "dd", "dt", "option", "optgroup", "rb", "rp", "rt", "rtc", "tr", "td", "th", "thead", "tbody",
        "tfoot", "colgroup", "caption", "a", "button", "nobr", "h1", "h2", "h3", "h4", "h5", "h6", "form", "select",
        "html", "head", "body", "frameset",
        // Text-only elements (their content is skipped below).
        "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
    };

    /// <summary>
    /// The character (or byte) ranges of the tags to remove so that the markup nests no deeper
    /// than <see cref="MaxDepth"/>, in order; null when nothing needs removing.
    /// </summary>
    public static List<(int Start, int End)>? Excess<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        var scan = new Scan<T>();
        return scan.Run(text);
    }

    /// <summary>The text without the given ranges.</summary>
    public static string Remove(string text, List<(int Start, int End)> ranges)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in ranges)
        {
            builder.Append(text, at, start - at);
            at = end;
        }

        builder.Append(text, at, text.Length - at);
        return builder.ToString();
    }

    /// <summary>The bytes without the given ranges.</summary>
    public static byte[] Remove(ReadOnlySpan<byte> bytes, List<(int Start, int End)> ranges)
    {
        var removed = 0;
        foreach (var (start, end) in ranges)
        {
            removed += end - start;
        }

        var result = new byte[bytes.Length - removed];
        var at = 0;
        var written = 0;
        foreach (var (start, end) in ranges)
        {
            bytes.Slice(at, start - at).CopyTo(result.AsSpan(written));
            written += start - at;
            at = end;
        }

        bytes.Slice(at).CopyTo(result.AsSpan(written));
        return result;
    }

    private sealed class Scan<T>
        where T : unmanaged, IBinaryInteger<T>
    {
        private readonly List<string> open = new();
        private readonly Dictionary<string, int> openCount = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> dropped = new(StringComparer.Ordinal);
        private readonly char[] name = new char[32];
        private List<(int Start, int End)>? drops;
        private int foreign;

        public List<(int Start, int End)>? Run(ReadOnlySpan<T> text)
        {
            var lessThan = T.CreateTruncating('<');
            var i = 0;
            while (i < text.Length)
            {
                var found = text.Slice(i).IndexOf(lessThan);
                if (found < 0)
                {
                    break;
                }

                var start = i + found;
                i = start + 1;
                if (i >= text.Length)
                {
                    break;
                }

                var c = At(text, i);
                if (c == '!' || c == '?')
                {
                    i = SkipMarkupDeclaration(text, i);
                    continue;
                }

                var isEnd = c == '/';
                var nameStart = isEnd ? i + 1 : i;
                if (nameStart >= text.Length || !IsAsciiLetter(At(text, nameStart)))
                {
                    if (isEnd)
                    {
                        // "</ …>" and "</>" are bogus comments or nothing: skip to '>'.
                        i = SkipTo(text, nameStart, '>');
                    }

                    continue;
                }

                var (tag, afterName) = ReadName(text, nameStart);
                var (end, selfClosing) = SkipAttributes(text, afterName);
                if (end < 0)
                {
                    // A tag cut off by the end of the page is dropped by the tokenizer too.
                    break;
                }

                i = end;
                if (isEnd)
                {
                    Close(tag, start, end);
                    continue;
                }

                Open(tag, start, end, selfClosing);
                if (tag == "plaintext" && foreign == 0)
                {
                    break;
                }

                if (foreign == 0 && RawText.Contains(tag))
                {
                    i = SkipRawText(text, i, tag);
                }
            }

            return drops;
        }

        private static int At(ReadOnlySpan<T> text, int index) => int.CreateTruncating(text[index]);

        private static bool IsAsciiLetter(int c) => (c | 0x20) >= 'a' && (c | 0x20) <= 'z';

        private static bool IsSpace(int c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

        private void Open(string tag, int start, int end, bool selfClosing)
        {
            if (NotCounted.Contains(tag) || (selfClosing && foreign > 0))
            {
                return;
            }

            if (open.Count >= MaxDepth)
            {
                (drops ??= new()).Add((start, end));
                dropped[tag] = dropped.GetValueOrDefault(tag) + 1;
                return;
            }

            if (tag is "svg" or "math")
            {
                foreign++;
            }

            open.Add(tag);
            openCount[tag] = openCount.GetValueOrDefault(tag) + 1;
        }

        private void Close(string tag, int start, int end)
        {
            if (dropped.TryGetValue(tag, out var count) && count > 0)
            {
                // The end tag of a start tag that was removed (the innermost of its name is).
                drops!.Add((start, end));
                dropped[tag] = count - 1;
                return;
            }

            if (openCount.GetValueOrDefault(tag) == 0)
            {
                return;
            }

            // Like the parser: an end tag closes every element opened after its start tag.
            while (open.Count > 0)
            {
                var last = open[open.Count - 1];
                open.RemoveAt(open.Count - 1);
                openCount[last]--;
                if (last is "svg" or "math")
                {
                    foreign = Math.Max(0, foreign - 1);
                }

                if (last == tag)
                {
                    break;
                }
            }
        }

        private (string Name, int After) ReadName(ReadOnlySpan<T> text, int index)
        {
            var length = 0;
            var i = index;
            while (i < text.Length)
            {
                var c = At(text, i);
                if (IsSpace(c) || c == '/' || c == '>')
                {
                    break;
                }

                if (length < name.Length)
                {
                    name[length++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : (char)c;
                }

                i++;
            }

            return (new string(name, 0, length), i);
        }

        /// <summary>The index after the tag's '>' (-1 when the page ends first) and whether it ends in "/>".</summary>
        private static (int End, bool SelfClosing) SkipAttributes(ReadOnlySpan<T> text, int index)
        {
            var lastNonSpace = 0;
            for (var i = index; i < text.Length; i++)
            {
                var c = At(text, i);
                if (c == '>')
                {
                    return (i + 1, lastNonSpace == '/');
                }

                if ((c == '"' || c == '\'') && lastNonSpace == '=')
                {
                    var close = text.Slice(i + 1).IndexOf(T.CreateTruncating(c));
                    if (close < 0)
                    {
                        return (-1, false);
                    }

                    i += close + 1;
                    lastNonSpace = c;
                    continue;
                }

                if (!IsSpace(c))
                {
                    lastNonSpace = c;
                }
            }

            return (-1, false);
        }

        /// <summary>Skips "&lt;!-- … --&gt;", "&lt;!DOCTYPE …&gt;", "&lt;![CDATA[ … &gt;" and "&lt;? … &gt;" (index at '!' or '?').</summary>
        private static int SkipMarkupDeclaration(ReadOnlySpan<T> text, int index)
        {
            if (index + 2 < text.Length && At(text, index + 1) == '-' && At(text, index + 2) == '-')
            {
                var body = index + 3;
                if (body < text.Length && At(text, body) == '>')
                {
                    return body + 1;
                }

                if (body + 1 < text.Length && At(text, body) == '-' && At(text, body + 1) == '>')
                {
                    return body + 2;
                }

                for (var i = body; i + 2 < text.Length; i++)
                {
                    if (At(text, i) == '-' && At(text, i + 1) == '-' && At(text, i + 2) == '>')
                    {
                        return i + 3;
                    }
                }

                // A comment that never ends runs to the end of the page.
                return text.Length;
            }

            return SkipTo(text, index, '>');
        }

        private static int SkipTo(ReadOnlySpan<T> text, int index, char c)
        {
            var found = text.Slice(index).IndexOf(T.CreateTruncating(c));
            return found < 0 ? text.Length : index + found + 1;
        }

        /// <summary>The index of the "&lt;/tag" that ends raw text (or the end of the page).</summary>
        private static int SkipRawText(ReadOnlySpan<T> text, int index, string tag)
        {
            var lessThan = T.CreateTruncating('<');
            var i = index;
            while (i < text.Length)
            {
                var found = text.Slice(i).IndexOf(lessThan);
                if (found < 0)
                {
                    return text.Length;
                }

                var at = i + found;
                if (IsEndTagOf(text, at, tag))
                {
                    return at;
                }

                i = at + 1;
            }

            return text.Length;
        }

        private static bool IsEndTagOf(ReadOnlySpan<T> text, int at, string tag)
        {
            var i = at + 1;
            if (i >= text.Length || At(text, i) != '/')
            {
                return false;
            }

            i++;
            foreach (var expected in tag)
            {
                if (i >= text.Length || (At(text, i) | 0x20) != expected)
                {
                    return false;
                }

                i++;
            }

            return i >= text.Length || IsSpace(At(text, i)) || At(text, i) == '/' || At(text, i) == '>';
        }
    }
}
