using System;
using System.Buffers;
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
    private static PerThread? perThread;

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
        return ParseText(html, out _);
    }

    /// <summary>
    /// Parses HTML bytes: a BOM wins, then the first <c>&lt;meta charset&gt;</c> (or
    /// <c>http-equiv="Content-Type"</c>) the parser meets, then UTF-8. The stream is read to its
    /// end first. See <see cref="Parse(ReadOnlySpan{byte})"/>.
    /// </summary>
    public static IDocument Parse(Stream html) => Parse(html, transient: false);

    /// <summary>
    /// As <see cref="Parse(Stream)"/> for a document that never leaves the library (the
    /// extractors' <c>Extract(Stream)</c>, the CLI): see <see cref="ParseTransient(ReadOnlySpan{byte})"/>.
    /// </summary>
    internal static IDocument ParseTransient(Stream html) => Parse(html, transient: true);

    private static IDocument Parse(Stream html, bool transient)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            var rest = buffer.AsSpan((int)memory.Position);
            memory.Position = memory.Length;
            return Parse(Decode(rest), rest, transient);
        }

        using var copy = new MemoryStream();
        html.CopyTo(copy);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        return Parse(Decode(bytes), bytes, transient);
    }

    /// <summary>
    /// Parses HTML bytes with the charset rules of AngleSharp's own byte-stream parser, whose
    /// DOM it gives, but decoded once and parsed as text (about 6 × faster on large pages):
    /// <list type="number">
    /// <item>a byte order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 BE, GB18030) and is dropped;</item>
    /// <item>else the text is decoded as UTF-8 (AngleSharp's default) and parsed; if the first
    /// <c>meta</c> element the parser handles names a charset (<c>charset</c>, or
    /// <c>http-equiv="Content-Type"</c> with <c>content="…; charset=…"</c>) other than UTF-8 or
    /// UTF-16 (which means UTF-8 here, as in a browser), the bytes are decoded with it and parsed again.</item>
    /// </list>
    /// As in AngleSharp's stream reader, an incomplete multi-byte sequence at the very end is
    /// dropped and U+FFFF is read as U+FFFD. A transport's charset (HTTP <c>Content-Type</c>)
    /// is the caller's to apply: decode with it and call <see cref="Parse(string)"/>.
    /// </summary>
    public static IDocument Parse(ReadOnlySpan<byte> html) => Parse(Decode(html), html, transient: false);

    /// <summary>
    /// As <see cref="Parse(ReadOnlySpan{byte})"/>, parsed straight from a pooled buffer that is
    /// reused once this returns. Only for a document that never leaves the library: AngleSharp's
    /// <c>IDocument.Source</c> still points at that buffer, so a caller reading it after the next
    /// parse on the thread would read another page. Its DOM is the same as the public path's.
    /// </summary>
    internal static IDocument ParseTransient(ReadOnlySpan<byte> html) => Parse(Decode(html), html, transient: true);

    /// <summary>
    /// The first step of <see cref="Parse(ReadOnlySpan{byte})"/>: the bytes decoded by their BOM,
    /// else as UTF-8 (AngleSharp's default), which a <c>&lt;meta charset&gt;</c> may still
    /// overrule when they are parsed: <see cref="Parse(DecodedHtml, ReadOnlySpan{byte}, bool)"/>
    /// finishes the job.
    /// The text is in a buffer rented from the shared pool, given back when it is parsed (or the
    /// <see cref="DecodedHtml"/> disposed).
    /// </summary>
    internal static DecodedHtml Decode(ReadOnlySpan<byte> html)
    {
        if (html.Length >= 2 && ((html[0] == 0xFF && html[1] == 0xFE) || (html[0] == 0xFE && html[1] == 0xFF)))
        {
            // UTF-16 (and FF FE 00 00, read as UTF-16 LE since the first version): the BOM decides.
            var utf16 = html[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return DecodedHtml.Rent(html.Slice(2), utf16, streamRules: false, guessed: null);
        }

        if (ByteOrderMark(html) is { } bom)
        {
            return DecodedHtml.Rent(html.Slice(bom.Length), bom.Encoding, streamRules: true, guessed: null);
        }

        var initial = Threads.Context.GetDefaultEncoding();
        return DecodedHtml.Rent(html, initial, streamRules: true, guessed: initial);
    }

    /// <summary>
    /// The bytes decoded with a transport's charset (HTTP <c>Content-Type</c>), which is final:
    /// as <c>charset.GetString(bytes)</c> then <see cref="Parse(string)"/>, but into a rented buffer.
    /// </summary>
    internal static DecodedHtml Decode(ReadOnlySpan<byte> html, Encoding charset) =>
        DecodedHtml.Rent(html, charset, streamRules: false, guessed: null);

    /// <summary>
    /// Parses bytes already decoded by <see cref="Decode(ReadOnlySpan{byte})"/> (<paramref name="html"/>
    /// are the same bytes): when no BOM decided and the first <c>meta</c> names another charset,
    /// the bytes are decoded with it and parsed again, as <see cref="Parse(ReadOnlySpan{byte})"/> does.
    /// The decoded text's buffer goes back to the pool: <paramref name="decoded"/> is used up.
    /// </summary>
    internal static IDocument Parse(DecodedHtml decoded, ReadOnlySpan<byte> html, bool transient)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        IDocument document;
        Encoding? declared;
        var initial = decoded.Guessed;
        using (decoded)
        {
            document = ParseText(decoded, transient, out declared);
        }

        if (initial is null || declared is null)
        {
            return document;
        }

        // AngleSharp switches to the declared charset (UTF-16 meaning UTF-8) unless it is the one in use.
        if (declared.CodePage is 1200 or 1201)
        {
            declared = AngleSharp.Text.TextEncoding.Utf8;
        }

        if (declared.CodePage == initial.CodePage)
        {
            return document;
        }

        using var again = DecodedHtml.Rent(html, declared, streamRules: true, guessed: null);
        return ParseText(again, transient, out _);
    }

    /// <summary>The BOMs AngleSharp's stream reader recognizes besides UTF-16's, with their length.</summary>
    private static (Encoding Encoding, int Length)? ByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (AngleSharp.Text.TextEncoding.Utf8, 3);
        }

        if (bytes.Length >= 4 && bytes[0] == 0x00 && bytes[1] == 0x00 && bytes[2] == 0xFE && bytes[3] == 0xFF)
        {
            return (AngleSharp.Text.TextEncoding.Utf32Be, 4);
        }

        if (bytes.Length >= 4 && bytes[0] == 0x84 && bytes[1] == 0x31 && bytes[2] == 0x95 && bytes[3] == 0x33)
        {
            return (AngleSharp.Text.TextEncoding.Gb18030, 4);
        }

        return null;
    }

    /// <summary>Guards the nesting and parses; <paramref name="declared"/> is the charset of the first meta element that named one.</summary>
    private static IDocument ParseText(string html, out Encoding? declared)
    {
        var excess = NestingGuard.Excess(html.AsSpan());
        var threads = Threads;
        threads.Charsets.Start();
        var document = threads.Parser.ParseDocument(excess is null ? html : NestingGuard.Remove(html, excess));
        declared = threads.Charsets.Declared;
        return document;
    }

    /// <summary>
    /// <see cref="ParseText(string, out Encoding?)"/> on text in a rented buffer. A
    /// <paramref name="transient"/> document is parsed where the text lies: AngleSharp's DOM copies
    /// what it keeps, so the buffer can be reused once this returns (only the document's
    /// <c>Source</c> still points at it). A document handed to a caller is parsed from a string of
    /// its own, as is text that needs the nesting guard or holds U+FFFF (which only a transport's
    /// charset leaves in).
    /// </summary>
    private static IDocument ParseText(DecodedHtml decoded, bool transient, out Encoding? declared)
    {
        var text = decoded.Text;
        if (!transient || text.Span.Contains('\uffff') || NestingGuard.Excess(text.Span) is not null)
        {
            return ParseText(new string(text.Span), out declared);
        }

        var threads = Threads;
        threads.Charsets.Start();
        var document = threads.Parser.ParseDocument(text);
        declared = threads.Charsets.Declared;
        return document;
    }

    // One parser per thread: HtmlParser keeps per-parse state, and creating a browsing context per call is wasteful.
    private static PerThread Threads => perThread ??= new PerThread();

    private sealed class PerThread
    {
        public PerThread()
        {
            // AngleSharp's own meta handler would set the charset of a byte source; text has none,
            // so this one only notes the first charset a meta element names.
            Charsets = new DeclaredCharset();
            Context = BrowsingContext.New(Configuration.Default.WithOnly<AngleSharp.Browser.IMetaHandler>(Charsets));
            Parser = new HtmlParser(Options, Context);
        }

        public IBrowsingContext Context { get; }

        public HtmlParser Parser { get; }

        public DeclaredCharset Charsets { get; }
    }

    /// <summary>Notes the encoding of the first meta element that names one, with AngleSharp's reading of its attributes.</summary>
    private sealed class DeclaredCharset : AngleSharp.Browser.EncodingMetaHandler
    {
        public Encoding? Declared { get; private set; }

        public void Start() => Declared = null;

        protected override Encoding? GetEncoding(AngleSharp.Html.Dom.IHtmlMetaElement element)
        {
            Declared ??= base.GetEncoding(element);
            return null;
        }
    }
}

/// <summary>
/// A page's bytes decoded (<see cref="HtmlDocuments.Decode(System.ReadOnlySpan{byte})"/>) into a
/// buffer rented from <see cref="ArrayPool{T}.Shared"/>: the text, and the encoding it was decoded
/// with when a <c>&lt;meta charset&gt;</c> may still overrule it (null when a BOM or the transport
/// decided). Parsing it, or <see cref="Dispose"/>, gives the buffer back; <see cref="Text"/> is then empty.
/// </summary>
internal sealed class DecodedHtml : IDisposable
{
    private char[]? buffer;
    private int length;

    private DecodedHtml(char[]? buffer, int length, Encoding? guessed)
    {
        this.buffer = buffer;
        this.length = length;
        Guessed = guessed;
    }

    /// <summary>The decoded text; empty once the buffer is given back.</summary>
    public ReadOnlyMemory<char> Text => buffer is null ? ReadOnlyMemory<char>.Empty : new ReadOnlyMemory<char>(buffer, 0, length);

    /// <summary>The encoding guessed (UTF-8) when the page's meta may still name another; null when final.</summary>
    public Encoding? Guessed { get; }

    /// <summary>The decoded text as a string (tests).</summary>
    public override string ToString() => new(Text.Span);

    /// <summary>
    /// Decodes <paramref name="bytes"/> into a rented buffer. With <paramref name="streamRules"/>, as
    /// AngleSharp's stream reader does: one decoder never flushed (an incomplete sequence at the end
    /// gives nothing) and U+FFFF read as U+FFFD (the parser would take it for the end of the input);
    /// without, as <see cref="Encoding.GetString(byte[])"/> does.
    /// </summary>
    internal static DecodedHtml Rent(ReadOnlySpan<byte> bytes, Encoding encoding, bool streamRules, Encoding? guessed)
    {
        // Decoded in one pass straight into a reused buffer: a page's text is hundreds of KB, and a
        // new string per page is fresh memory to clear and fault in. The buffer is sized by the
        // encoding's bound (bytes + 1 for UTF-8), or by a count when that bound is far larger.
        var max = encoding.GetMaxCharCount(bytes.Length);
        if (max > 2 * bytes.Length + 16)
        {
            max = encoding.GetCharCount(bytes);
        }

        if (max == 0)
        {
            return new DecodedHtml(null, 0, guessed);
        }

        var rented = ArrayPool<char>.Shared.Rent(max);
        try
        {
            int written;
            if (streamRules)
            {
                written = encoding.GetDecoder().GetChars(bytes, rented, flush: false);
                rented.AsSpan(0, written).Replace('\uffff', '\ufffd');
            }
            else
            {
                written = encoding.GetChars(bytes, rented);
            }

            return new DecodedHtml(rented, written, guessed);
        }
        catch
        {
            ArrayPool<char>.Shared.Return(rented);
            throw;
        }
    }

    /// <summary>Gives the buffer back to the pool (once).</summary>
    public void Dispose()
    {
        var rented = buffer;
        buffer = null;
        length = 0;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
