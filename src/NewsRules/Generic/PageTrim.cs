using System;
using System.Collections.Generic;
using System.Numerics;

namespace NewsRules.Generic;

/// <summary>
/// Drops from a page, before the generic extractor parses it, what it never reads: the code
/// of scripts (all but JSON-LD and other JSON), the rules inside <c>&lt;style&gt;</c> and
/// the text of comments. About two fifths of a news page's characters are there, and AngleSharp's tokenizer
/// steps through them one character at a time; here they are skipped with vectorised searches.
/// The elements stay (an empty <c>&lt;script&gt;</c>, an empty <c>&lt;style&gt;</c>, an empty
/// comment), so the tree AngleSharp builds is the same but for their text.
/// </summary>
/// <remarks>
/// The scan follows the HTML tokenizer where it matters: quoted attribute values (a '&gt;'
/// inside quotes does not end a tag), comments (<c>&lt;!--&gt;</c>, <c>--!&gt;</c>), the raw
/// text of <c>textarea</c>, <c>title</c>, <c>xmp</c>, <c>iframe</c>, <c>noembed</c>,
/// <c>noframes</c>, and SVG and MathML, where <c>&lt;script&gt;</c> is not raw text and
/// <c>&lt;![CDATA[</c> is. Whenever the page leaves what it can follow for certain (a script
/// that opens <c>&lt;!--</c> and <c>&lt;script</c> inside, whose end the tokenizer's escape
/// states decide; HTML inside SVG; <c>&lt;select&gt;</c>, where raw-text tags are ignored;
/// <c>&lt;frameset&gt;</c>, <c>&lt;plaintext&gt;</c>; an element or comment the page never
/// closes), it stops there and leaves the rest of the page as it is. Only the generic fallback
/// parses pages this way: a site rule may select any element, scripts included.
/// </remarks>
internal static class PageTrim
{
    /// <summary>
    /// In bytes, nothing is dropped in the first 1,024 bytes: the charset prescan reads them, and
    /// a drop before a <c>&lt;meta charset&gt;</c> must not bring it into the prescan's reach.
    /// </summary>
    public const int BytePrefix = 1024;

    private static readonly HashSet<string> Breakout = new(StringComparer.Ordinal)
    {
        // Start tags that end SVG and MathML (the HTML standard's list; font as well, with or without attributes).
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed",
        "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr",
        "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u",
        "ul", "var", "font",
    };

    private static readonly HashSet<string> IntegrationPoints = new(StringComparer.Ordinal)
    {
        // SVG and MathML elements whose children are parsed as HTML.
        "foreignobject", "desc", "title", "annotation-xml", "mi", "mo", "mn", "ms", "mtext",
    };

    private static readonly HashSet<string> TextOnly = new(StringComparer.Ordinal)
    {
        // HTML elements whose content the tokenizer reads as text up to their end tag.
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    /// <summary>The page without script code, style rules and comments (the same string when there are none).</summary>
    public static string Apply(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var drops = Drops(html.AsSpan(), 0);
        return drops is null ? html : Html.NestingGuard.Remove(html, drops);
    }

    /// <summary>As <see cref="Apply(string)"/> on bytes in an ASCII-compatible charset (the same array when nothing is dropped).</summary>
    public static byte[] Apply(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        // ISO-2022 charsets switch modes with ESC sequences: a drop could change the mode the rest is read in.
        if (bytes.AsSpan().IndexOf((byte)0x1B) >= 0)
        {
            return bytes;
        }

        var drops = Drops(new ReadOnlySpan<byte>(bytes), BytePrefix);
        return drops is null ? bytes : Html.NestingGuard.Remove(bytes, drops);
    }

    /// <summary>
    /// The ranges to drop, in order (none starting before <paramref name="keep"/>); null when
    /// there are none.
    /// </summary>
    public static List<(int Start, int End)>? Drops<T>(ReadOnlySpan<T> text, int keep)
        where T : unmanaged, IBinaryInteger<T>
    {
        List<(int Start, int End)>? drops = null;
        var foreign = new List<string>();
        var inSelect = 0;
        var lessThan = T.CreateTruncating('<');
        var i = 0;

        void Drop(int start, int end)
        {
            if (end > start && start >= keep)
            {
                (drops ??= new()).Add((start, end));
            }
        }

        while (i < text.Length)
        {
            var found = text.Slice(i).IndexOf(lessThan);
            if (found < 0)
            {
                break;
            }

            var start = i + found;
            var p = start + 1;
            if (p >= text.Length)
            {
                break;
            }

            var c = At(text, p);
            if (c == '!')
            {
                if (StartsWith(text, p + 1, "--"))
                {
                    var (close, end) = CommentEnd(text, start);
                    if (end < 0)
                    {
                        // A comment that never ends holds the rest of the page.
                        break;
                    }

                    // Its text goes, the comment stays ("<!---->"): a comment token still ends
                    // the run of characters before it, which decides where white space in a table goes.
                    Drop(start + 4, close);
                    i = end;
                    continue;
                }

                if (foreign.Count > 0 && IsCData(text, p + 1))
                {
                    var close = IndexOf(text, start + 9, "]]>");
                    if (close < 0)
                    {
                        break;
                    }

                    i = close + 3;
                    continue;
                }

                // A doctype or a bogus comment: up to the next '>'.
                var gt = text.Slice(p).IndexOf(T.CreateTruncating('>'));
                if (gt < 0)
                {
                    break;
                }

                i = p + gt + 1;
                continue;
            }

            if (c == '?')
            {
                var gt = text.Slice(p).IndexOf(T.CreateTruncating('>'));
                if (gt < 0)
                {
                    break;
                }

                i = p + gt + 1;
                continue;
            }

            var isEnd = c == '/';
            var nameStart = isEnd ? p + 1 : p;
            if (nameStart >= text.Length)
            {
                break;
            }

            if (!IsAsciiLetter(At(text, nameStart)))
            {
                if (!isEnd)
                {
                    // '<' as text.
                    i = p;
                    continue;
                }

                if (At(text, nameStart) == '>')
                {
                    // "</>" is dropped by the tokenizer.
                    i = nameStart + 1;
                    continue;
                }

                // "</ …>" is a bogus comment.
                var gt = text.Slice(nameStart).IndexOf(T.CreateTruncating('>'));
                if (gt < 0)
                {
                    break;
                }

                i = nameStart + gt + 1;
                continue;
            }

            var tag = ReadTag(text, nameStart, foreign.Count > 0);
            if (tag.End < 0)
            {
                // A tag cut off by the end of the page.
                break;
            }

            if (isEnd)
            {
                if (foreign.Count > 0)
                {
                    var at = foreign.LastIndexOf(tag.Name);
                    if (at < 0)
                    {
                        // An HTML end tag inside SVG or MathML: the tree builder decides what it closes.
                        break;
                    }

                    foreign.RemoveRange(at, foreign.Count - at);
                }
                else if (tag.Name == "select" && inSelect > 0)
                {
                    inSelect--;
                }

                i = tag.End;
                continue;
            }

            if (foreign.Count > 0)
            {
                if (Breakout.Contains(tag.Name) || IntegrationPoints.Contains(foreign[^1]))
                {
                    // HTML inside SVG or MathML.
                    break;
                }

                i = tag.End;
                if (!tag.SelfClosing)
                {
                    if (TextOnly.Contains(tag.Name) || tag.Name is "plaintext" or "noscript")
                    {
                        // Markup in a foreign <script> or <style>: whether it is text depends on
                        // where the tree builder stands, so only content without any '<' is followed.
                        var next = text.Slice(i).IndexOf(lessThan);
                        if (next < 0 || !IsEndTagOf(text, i + next, tag.Name))
                        {
                            break;
                        }
                    }

                    foreign.Add(tag.Name);
                }

                continue;
            }

            i = tag.End;
            switch (tag.Name)
            {
                case "svg" or "math":
                    if (inSelect > 0)
                    {
                        goto Stop;
                    }

                    if (!tag.SelfClosing)
                    {
                        foreign.Add(tag.Name);
                    }

                    continue;
                case "plaintext" or "frameset":
                    goto Stop;
                case "select":
                    inSelect++;
                    continue;
                case "script":
                {
                    var close = ScriptEnd(text, i);
                    if (close < 0)
                    {
                        goto Stop;
                    }

                    if (!tag.KeepsScript)
                    {
                        Drop(i, close);
                    }

                    i = close;
                    continue;
                }
            }

            if (TextOnly.Contains(tag.Name))
            {
                if (inSelect > 0)
                {
                    // In a <select> these start tags are ignored and their content is markup.
                    break;
                }

                var close = RawTextEnd(text, i, tag.Name);
                if (close < 0)
                {
                    break;
                }

                if (tag.Name == "style")
                {
                    Drop(i, close);
                }

                i = close;
            }
        }

        Stop:
        return drops;
    }

    private static int At<T>(ReadOnlySpan<T> text, int index)
        where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(text[index]);

    private static bool IsAsciiLetter(int c) => (c | 0x20) >= 'a' && (c | 0x20) <= 'z';

    private static bool IsSpace(int c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static int Lower(int c) => c is >= 'A' and <= 'Z' ? c + 32 : c;

    /// <summary>True when <paramref name="text"/> holds <paramref name="value"/> (ASCII, case-insensitive for letters) at <paramref name="index"/>.</summary>
    private static bool StartsWith<T>(ReadOnlySpan<T> text, int index, string value)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (index + value.Length > text.Length)
        {
            return false;
        }

        for (var k = 0; k < value.Length; k++)
        {
            if (Lower(At(text, index + k)) != Lower(value[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"[CDATA[" (upper case, as the tokenizer wants it) at <paramref name="index"/>.</summary>
    private static bool IsCData<T>(ReadOnlySpan<T> text, int index)
        where T : unmanaged, IBinaryInteger<T>
    {
        const string value = "[CDATA[";
        if (index + value.Length > text.Length)
        {
            return false;
        }

        for (var k = 0; k < value.Length; k++)
        {
            if (At(text, index + k) != value[k])
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf<T>(ReadOnlySpan<T> text, int from, string value)
        where T : unmanaged, IBinaryInteger<T>
    {
        var first = T.CreateTruncating(value[0]);
        var i = from;
        while (i < text.Length)
        {
            var found = text.Slice(i).IndexOf(first);
            if (found < 0)
            {
                return -1;
            }

            var at = i + found;
            if (StartsWith(text, at, value))
            {
                return at;
            }

            i = at + 1;
        }

        return -1;
    }

    /// <summary>
    /// Where the comment that opens at <paramref name="start"/> ("&lt;!--") closes: the index of
    /// its closing dashes and the index after it; End is -1 when the page ends first.
    /// </summary>
    private static (int Close, int End) CommentEnd<T>(ReadOnlySpan<T> text, int start)
        where T : unmanaged, IBinaryInteger<T>
    {
        // "<!-->" and "<!--->" end where they stand.
        if (StartsWith(text, start + 4, ">"))
        {
            return (start + 4, start + 5);
        }

        if (StartsWith(text, start + 4, "->"))
        {
            return (start + 4, start + 6);
        }

        // Then the first "-->" or "--!>" (two dashes or more, then '>' or "!>").
        var i = start + 4;
        var dash = T.CreateTruncating('-');
        while (i < text.Length)
        {
            var found = text.Slice(i).IndexOf(dash);
            if (found < 0)
            {
                return (-1, -1);
            }

            var at = i + found;
            if (StartsWith(text, at, "-->"))
            {
                return (at, at + 3);
            }

            if (StartsWith(text, at, "--!>"))
            {
                return (at, at + 4);
            }

            i = at + 1;
        }

        return (-1, -1);
    }

    /// <summary>True for "&lt;/name" followed by white space, '/' or '&gt;' at <paramref name="at"/>.</summary>
    private static bool IsEndTagOf<T>(ReadOnlySpan<T> text, int at, string name)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (!StartsWith(text, at, "</") || !StartsWith(text, at + 2, name))
        {
            return false;
        }

        var after = at + 2 + name.Length;
        return after < text.Length && (IsSpace(At(text, after)) || At(text, after) == '/' || At(text, after) == '>');
    }

    /// <summary>The index of the end tag that closes raw text or RCDATA begun at <paramref name="from"/>; -1 if none.</summary>
    private static int RawTextEnd<T>(ReadOnlySpan<T> text, int from, string name)
        where T : unmanaged, IBinaryInteger<T>
    {
        var lessThan = T.CreateTruncating('<');
        var i = from;
        while (i < text.Length)
        {
            var found = text.Slice(i).IndexOf(lessThan);
            if (found < 0)
            {
                return -1;
            }

            var at = i + found;
            if (IsEndTagOf(text, at, name))
            {
                return at;
            }

            i = at + 1;
        }

        return -1;
    }

    /// <summary>
    /// The index of the "&lt;/script" that ends script data begun at <paramref name="from"/>; -1
    /// when there is none, or when the code opens both "&lt;!--" and "&lt;script" before it (the
    /// tokenizer's double-escaped state could carry the script past that end tag).
    /// </summary>
    private static int ScriptEnd<T>(ReadOnlySpan<T> text, int from)
        where T : unmanaged, IBinaryInteger<T>
    {
        var lessThan = T.CreateTruncating('<');
        var comment = false;
        var script = false;
        var i = from;
        while (i < text.Length)
        {
            var found = text.Slice(i).IndexOf(lessThan);
            if (found < 0)
            {
                return -1;
            }

            var at = i + found;
            if (IsEndTagOf(text, at, "script"))
            {
                return comment && script ? -1 : at;
            }

            comment |= StartsWith(text, at + 1, "!--");
            script |= StartsWith(text, at + 1, "script");
            i = at + 1;
        }

        return -1;
    }

    /// <summary>
    /// Reads a tag from its name at <paramref name="index"/> to its '&gt;' as the tokenizer does
    /// (attribute names, '=', quoted and unquoted values). End is -1 when the page ends first.
    /// </summary>
    private static Tag ReadTag<T>(ReadOnlySpan<T> text, int index, bool anyName)
        where T : unmanaged, IBinaryInteger<T>
    {
        Span<char> name = stackalloc char[32];
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
                name[length] = (char)Lower(c);
            }

            length++;
            i++;
        }

        // Outside SVG and MathML only the names the scan acts on matter: no string for the others.
        string tagName;
        if (length > name.Length)
        {
            tagName = "\u0001" + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + new string(name);
        }
        else
        {
            tagName = Known(name[..length]) ?? (anyName ? new string(name[..length]) : string.Empty);
        }

        var isScript = tagName == "script";
        var keeps = false;
        var selfClosing = false;
        var attribute = -1;
        var attributeLength = 0;

        // States: 0 before attribute name, 1 attribute name, 2 after attribute name,
        // 3 before value, 4 double-quoted, 5 single-quoted, 6 unquoted, 7 after quoted value, 8 self-closing.
        var state = 0;
        var valueStart = 0;
        while (i < text.Length)
        {
            var c = At(text, i);
            switch (state)
            {
                case 0:
                    if (IsSpace(c))
                    {
                        break;
                    }

                    if (c == '/' || c == '>')
                    {
                        state = 2;
                        continue;
                    }

                    attribute = i;
                    attributeLength = 1;
                    state = 1;
                    break;
                case 1:
                    if (IsSpace(c) || c == '/' || c == '>')
                    {
                        state = 2;
                        continue;
                    }

                    if (c == '=')
                    {
                        state = 3;
                        break;
                    }

                    attributeLength++;
                    break;
                case 2:
                    if (IsSpace(c))
                    {
                        break;
                    }

                    if (c == '/')
                    {
                        state = 8;
                        break;
                    }

                    if (c == '=')
                    {
                        state = 3;
                        break;
                    }

                    if (c == '>')
                    {
                        return new Tag(tagName, i + 1, selfClosing, keeps);
                    }

                    attribute = i;
                    attributeLength = 1;
                    state = 1;
                    break;
                case 3:
                    if (IsSpace(c))
                    {
                        break;
                    }

                    if (c == '"' || c == '\'')
                    {
                        var close = text.Slice(i + 1).IndexOf(T.CreateTruncating(c));
                        if (close < 0)
                        {
                            return new Tag(tagName, -1, false, false);
                        }

                        if (isScript)
                        {
                            keeps |= KeepsScript(text, attribute, attributeLength, i + 1, i + 1 + close);
                        }

                        i += close + 2;
                        state = 7;
                        continue;
                    }

                    if (c == '>')
                    {
                        return new Tag(tagName, i + 1, selfClosing, keeps);
                    }

                    valueStart = i;
                    state = 6;
                    break;
                case 6:
                    if (IsSpace(c) || c == '>')
                    {
                        if (isScript)
                        {
                            keeps |= KeepsScript(text, attribute, attributeLength, valueStart, i);
                        }

                        if (c == '>')
                        {
                            return new Tag(tagName, i + 1, selfClosing, keeps);
                        }

                        state = 0;
                    }

                    break;
                case 7:
                    if (IsSpace(c))
                    {
                        state = 0;
                        break;
                    }

                    if (c == '/')
                    {
                        state = 8;
                        break;
                    }

                    if (c == '>')
                    {
                        return new Tag(tagName, i + 1, selfClosing, keeps);
                    }

                    state = 0;
                    continue;
                case 8:
                    if (c == '>')
                    {
                        return new Tag(tagName, i + 1, true, keeps);
                    }

                    state = 0;
                    continue;
            }

            i++;
        }

        return new Tag(tagName, -1, false, false);
    }

    /// <summary>A script's code is kept when its type attribute names JSON (JSON-LD) or holds a character reference.</summary>
    private static bool KeepsScript<T>(ReadOnlySpan<T> text, int attribute, int attributeLength, int valueStart, int valueEnd)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (attributeLength != 4 || !StartsWith(text, attribute, "type"))
        {
            return false;
        }

        var value = text[valueStart..valueEnd];
        if (value.IndexOf(T.CreateTruncating('&')) >= 0)
        {
            return true;
        }

        for (var k = 0; k + 4 <= value.Length; k++)
        {
            if (StartsWith(value, k, "json"))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] KnownNames =
    {
        "svg", "math", "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
        "plaintext", "frameset", "select", "noscript",
    };

    private static string? Known(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownNames)
        {
            if (name.SequenceEqual(known))
            {
                return known;
            }
        }

        return null;
    }

    private readonly record struct Tag(string Name, int End, bool SelfClosing, bool KeepsScript);
}
