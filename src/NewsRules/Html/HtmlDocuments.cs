using System;
using System.IO;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsRules.Html;

/// <summary>
/// Parses pages the way every extractor does, so that the engine, the command line and the
/// benchmarks all see the same DOM.
/// </summary>
public static class HtmlDocuments
{
    [ThreadStatic]
    private static HtmlParser? parser;

    static HtmlDocuments()
    {
        // Pages still arrive in windows-1256, windows-1251, Shift_JIS…: make the code pages available.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// How deep the markup handed to the parser may nest (elements that cannot contain their
    /// own kind, such as <c>p</c> and <c>li</c>, not counted); start tags past it are removed,
    /// their text kept. See <see cref="NestingGuard"/>.
    /// </summary>
    public const int MaxNestingDepth = NestingGuard.MaxDepth;

    /// <summary>The parser options the engine uses.</summary>
    public static HtmlParserOptions Options => new()
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        SkipComments = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
    };

    /// <summary>
    /// Parses HTML text. Markup nested deeper than <see cref="NestingGuard.MaxDepth"/> levels
    /// loses the start tags past that depth (their text is kept): see <see cref="NestingGuard"/>.
    /// </summary>
    public static IDocument Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var excess = NestingGuard.Excess(html.AsSpan());
        return Parser.ParseDocument(excess is null ? html : NestingGuard.Remove(html, excess));
    }

    /// <summary>
    /// Parses HTML bytes: a BOM wins, then a declared charset, then UTF-8. The stream is read
    /// to its end first (the nesting guard scans the bytes, as <see cref="Parse(string)"/> does the text).
    /// </summary>
    public static IDocument Parse(Stream html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var bytes = ReadAll(html);
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            // UTF-16: the markup is not ASCII bytes, so guard and parse the decoded text (the BOM decides).
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return Parse(encoding.GetString(bytes, 2, bytes.Length - 2));
        }

        var excess = NestingGuard.Excess(new ReadOnlySpan<byte>(bytes));
        var source = excess is null ? bytes : NestingGuard.Remove(bytes, excess);
        using var stream = new MemoryStream(source, writable: false);
        return Parser.ParseDocument(stream);
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer) && memory.Position == 0)
        {
            return buffer.Count == buffer.Array!.Length ? buffer.Array : buffer.AsSpan().ToArray();
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // One parser per thread: HtmlParser keeps per-parse state, and creating a browsing context per call is wasteful.
    private static HtmlParser Parser => parser ??= new HtmlParser(Options, BrowsingContext.New(Configuration.Default));
}
