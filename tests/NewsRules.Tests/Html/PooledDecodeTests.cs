using System;
using System.Linq;
using System.Text;
using NewsRules.Html;
using Xunit;

namespace NewsRules.Tests.Html;

/// <summary>
/// Bytes are decoded into a buffer rented from the shared pool and parsed where they lie
/// (<see cref="DecodedHtml"/>), not into a new string a page: the text and the DOM must be those
/// of the string it replaced, whatever the charset source (BOM, meta, transport header), the
/// page's size and what a reused buffer held before.
/// </summary>
public sealed class PooledDecodeTests
{
    private const string Russian = "Привет, мир";

    static PooledDecodeTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8_text_is_decoded_as_the_stream_reader_does()
    {
        // An incomplete sequence at the end gives nothing (no flush); U+FFFF is read as U+FFFD.
        var bytes = Encoding.UTF8.GetBytes("<p>a\uffffb é</p>€").AsSpan(0..^1).ToArray();
        using var decoded = HtmlDocuments.Decode(bytes);

        Assert.Equal("<p>a\ufffdb é</p>", decoded.ToString());
        Assert.Equal(Encoding.UTF8.CodePage, decoded.Guessed?.CodePage);
    }

    [Fact]
    public void A_bom_decides_and_is_final()
    {
        var utf8 = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($"<p>{Russian}</p>")).ToArray();
        using var fromUtf8 = HtmlDocuments.Decode(utf8);
        Assert.Equal($"<p>{Russian}</p>", fromUtf8.ToString());
        Assert.Null(fromUtf8.Guessed);

        var utf16 = new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes($"<p>{Russian}</p>")).ToArray();
        using var fromUtf16 = HtmlDocuments.Decode(utf16);
        Assert.Equal($"<p>{Russian}</p>", fromUtf16.ToString());
        Assert.Null(fromUtf16.Guessed);
    }

    [Fact]
    public void A_meta_charset_still_redecodes_the_bytes()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes($"<html><head><meta charset=windows-1251></head><body><p>{Russian}</p></body></html>");

        var document = HtmlDocuments.Parse(HtmlDocuments.Decode(bytes), bytes, transient: true);

        Assert.Equal(Russian, document.QuerySelector("p")!.TextContent);
    }

    [Theory]
    [InlineData(1252, "<html><head><meta charset=windows-1251></head><body><p>déjà vu, naïve café</p></body></html>")]
    [InlineData(65001, "<p>a\uffffb</p><p title='x\uffffy'>c</p>")]
    [InlineData(65001, "<p>cut at the end: €</p>")]
    public void A_header_charset_gives_the_dom_of_its_decoded_string(int codePage, string html)
    {
        var charset = Encoding.GetEncoding(codePage);
        var bytes = charset.GetBytes(html);
        if (html.EndsWith('€'))
        {
            bytes = bytes[..^1];
        }

        var expected = HtmlDocuments.Parse(charset.GetString(bytes)).DocumentElement.OuterHtml;

        Assert.Equal(expected, HtmlDocuments.Parse(HtmlDocuments.Decode(bytes, charset), bytes, transient: true).DocumentElement.OuterHtml);
    }

    [Fact]
    public void A_reused_buffer_shows_nothing_of_the_page_before()
    {
        // A page of several MB (larger than any page before it on this thread) rents a large
        // buffer; the small page after it may get a buffer that held other text past its end.
        var large = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat($"<p class='x'>{Russian} 123</p>", 120_000)) + "</body></html>");
        var small = Encoding.UTF8.GetBytes("<html><body><p>short</p></body></html>");
        for (var i = 0; i < 3; i++)
        {
            var largeDom = HtmlDocuments.Parse(large);
            Assert.Equal(120_000, largeDom.QuerySelectorAll("p").Length);
            Assert.Equal(HtmlDocuments.Parse(Encoding.UTF8.GetString(small)).DocumentElement.OuterHtml, HtmlDocuments.Parse(small).DocumentElement.OuterHtml);
        }
    }

    [Fact]
    public void The_dom_keeps_nothing_of_the_buffer_once_it_is_given_back()
    {
        var bytes = Encoding.UTF8.GetBytes($"<html><head><title>{Russian}</title></head><body><p id='a' title='t'>{Russian} &amp; more</p><!-- c --><script>var x = 1;</script></body></html>");
        var expected = HtmlDocuments.Parse(Encoding.UTF8.GetString(bytes)).DocumentElement.OuterHtml;

        var document = HtmlDocuments.Parse(bytes);

        // The buffer went back to the pool; this thread's next page of the same size is decoded into it.
        var other = Encoding.UTF8.GetBytes(new string('z', bytes.Length));
        HtmlDocuments.Parse(other);
        Assert.Equal(expected, document.DocumentElement.OuterHtml);
    }

    [Fact]
    public void Markup_past_the_nesting_limit_is_guarded_as_for_a_string()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", HtmlDocuments.MaxNestingDepth + 50)) + "deep" + "</body></html>";

        var expected = HtmlDocuments.Parse(html).DocumentElement.OuterHtml;

        Assert.Equal(expected, HtmlDocuments.Parse(Encoding.UTF8.GetBytes(html)).DocumentElement.OuterHtml);
    }

    [Fact]
    public void Disposing_gives_the_buffer_back_once()
    {
        var decoded = HtmlDocuments.Decode(Encoding.UTF8.GetBytes("<p>x</p>"));
        Assert.Equal(8, decoded.Text.Length);

        decoded.Dispose();
        decoded.Dispose();

        Assert.True(decoded.Text.IsEmpty);
        using var empty = HtmlDocuments.Decode(ReadOnlySpan<byte>.Empty);
        Assert.True(empty.Text.IsEmpty);
    }

    [Fact]
    public void A_document_handed_to_a_caller_keeps_its_own_source()
    {
        // The public byte path gives the caller a document whose Source (AngleSharp's text
        // source) must stay the page's own after the thread parses another page; the transient
        // path, for documents that never leave the library, reuses the buffer.
        var first = Encoding.UTF8.GetBytes("<html><body><p>first page, kept as given</p></body></html>");
        var second = Encoding.UTF8.GetBytes("<html><body><p>second page written over the first</p></body></html>");

        var fromSpan = HtmlDocuments.Parse(first);
        var fromStream = HtmlDocuments.Parse(new System.IO.MemoryStream(first));
        HtmlDocuments.ParseTransient(second);
        HtmlDocuments.Parse(second);

        Assert.Equal(Encoding.UTF8.GetString(first), fromSpan.Source.Text);
        Assert.Equal(Encoding.UTF8.GetString(first), fromStream.Source.Text);
    }

    [Fact]
    public void The_transient_path_gives_the_public_paths_dom()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes($"<html><head><meta charset=windows-1251></head><body><p>{Russian}</p></body></html>");

        Assert.Equal(HtmlDocuments.Parse(bytes).DocumentElement.OuterHtml, HtmlDocuments.ParseTransient(bytes).DocumentElement.OuterHtml);
        Assert.Equal(
            HtmlDocuments.Parse(new System.IO.MemoryStream(bytes)).DocumentElement.OuterHtml,
            HtmlDocuments.ParseTransient(new System.IO.MemoryStream(bytes)).DocumentElement.OuterHtml);
    }
}
