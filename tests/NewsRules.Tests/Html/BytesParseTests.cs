using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AngleSharp;
using AngleSharp.Html.Parser;
using NewsRules.Html;
using Xunit;

namespace NewsRules.Tests.Html;

/// <summary>
/// <see cref="HtmlDocuments.Parse(Stream)"/> decodes once and parses text; the DOM must be the
/// one AngleSharp's own byte-stream parser builds from the same bytes (which is what it used
/// to call), charset switches and odd bytes included.
/// </summary>
public sealed class BytesParseTests
{
    static BytesParseTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<object[]> Pages()
    {
        const string arabic = "مرحبا بالعالم";
        const string russian = "Привет, мир";
        yield return Case("plain UTF-8", Encoding.UTF8.GetBytes($"<html><head><title>Café</title></head><body><p>{arabic} — {russian}</p></body></html>"));
        yield return Case("UTF-8 BOM wins over a meta", Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, Encoding.UTF8.GetBytes($"<meta charset=windows-1251><p>{russian}</p>")));
        yield return Case("UTF-16 LE BOM", Bytes(new byte[] { 0xFF, 0xFE }, Encoding.Unicode.GetBytes($"<meta charset=windows-1251><p>{russian}</p>")));
        yield return Case("UTF-16 BE BOM", Bytes(new byte[] { 0xFE, 0xFF }, Encoding.BigEndianUnicode.GetBytes($"<p>{arabic}</p>")));
        yield return Case("UTF-32 BE BOM", Bytes(new byte[] { 0x00, 0x00, 0xFE, 0xFF }, new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes($"<p>{arabic}</p>")));
        yield return Case("GB18030 BOM", Bytes(new byte[] { 0x84, 0x31, 0x95, 0x33 }, Encoding.GetEncoding("GB18030").GetBytes("<p>人民网 新闻</p>")));
        yield return Case("meta charset first", Encoding.GetEncoding(1251).GetBytes($"<html><head><meta charset=\"windows-1251\"><title>{russian}</title></head><body><p>{russian}</p></body></html>"));
        yield return Case("meta after non-ASCII text (AngleSharp restarts)", Encoding.GetEncoding(1256).GetBytes($"<html><head><title>{arabic}</title><meta charset=windows-1256></head><body><p>{arabic}</p></body></html>"));
        yield return Case("http-equiv Content-Type", Encoding.GetEncoding(1252).GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>déjà vu, naïve café</p></body></html>"));
        yield return Case("meta charset in the body", Encoding.GetEncoding(1251).GetBytes($"<html><body><p>{russian}</p><meta charset=windows-1251><p>{russian}</p></body></html>"));
        yield return Case("meta far past the first KB", Encoding.GetEncoding(1251).GetBytes($"<html><head>{new string(' ', 5000)}<title>t</title><script>{new string('x', 3000)}</script><meta charset=windows-1251></head><body><p>{russian}</p></body></html>"));
        yield return Case("meta inside a script is no meta", Encoding.GetEncoding(1251).GetBytes($"<html><head><script>var s = '<meta charset=windows-1251>';</script></head><body><p>{russian}</p></body></html>"));
        yield return Case("two metas: the first counts", Encoding.GetEncoding(1251).GetBytes($"<html><head><meta charset=windows-1251><meta charset=windows-1256></head><body><p>{russian}</p></body></html>"));
        yield return Case("meta says UTF-16 (means UTF-8)", Encoding.UTF8.GetBytes($"<html><head><meta charset=utf-16></head><body><p>{arabic}</p></body></html>"));
        yield return Case("meta says UTF-8", Encoding.UTF8.GetBytes($"<html><head><meta charset=utf-8></head><body><p>{arabic}</p></body></html>"));
        yield return Case("unknown charset name", Encoding.UTF8.GetBytes($"<html><head><meta charset=klingon-8></head><body><p>{arabic}</p></body></html>"));
        yield return Case("Shift_JIS", Encoding.GetEncoding("shift_jis").GetBytes("<html><head><meta http-equiv=Content-Type content='text/html;charset=Shift_JIS'></head><body><p>日本語のページ、ソフトウェア</p></body></html>"));
        yield return Case("meta in svg breaks out", Encoding.GetEncoding(1251).GetBytes($"<html><body><svg><meta charset=windows-1251></svg><p>{russian}</p></body></html>"));
        yield return Case("meta inside select is ignored", Encoding.GetEncoding(1251).GetBytes($"<html><body><select><meta charset=windows-1251></select><p>{russian}</p></body></html>"));
        yield return Case("cut inside a UTF-8 sequence", Encoding.UTF8.GetBytes($"<p>{arabic}</p><p>{arabic}").AsSpan(0..^1).ToArray());
        yield return Case("invalid UTF-8 bytes", Bytes(Encoding.ASCII.GetBytes("<p>a"), new byte[] { 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x82, 0x3C, 0xF0, 0x90 }, Encoding.ASCII.GetBytes("b</p><p>c</p>")));
        yield return Case("U+FFFF and U+FFFE", Encoding.UTF8.GetBytes("<p>a\uffffb\ufffec</p><p title='x\uffffy'>d</p>"));
        yield return Case("NUL and control characters", Encoding.UTF8.GetBytes("<p>a\0b\u0001c\rd\r\ne</p>"));
        yield return Case("empty", Array.Empty<byte>());
        yield return Case("one byte", new byte[] { 0xEF });
        yield return Case("two bytes of a BOM", new byte[] { 0xEF, 0xBB });
        yield return Case("windows-1252 bytes, no meta", Encoding.GetEncoding(1252).GetBytes("<p>déjà vu</p>"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Bytes_give_the_dom_of_anglesharps_byte_parser(string name, byte[] bytes)
    {
        var expected = Reference(bytes);

        var actual = HtmlDocuments.Parse(new MemoryStream(bytes, writable: false)).DocumentElement.OuterHtml;

        Assert.True(expected == actual, $"{name}:\nexpected {expected}\nactual   {actual}");
    }

    [Fact]
    public void A_stream_is_read_from_its_position()
    {
        var bytes = Encoding.UTF8.GetBytes("<h1>skipped</h1><p>kept</p>");
        var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true) { Position = 16 };

        var document = HtmlDocuments.Parse(stream);

        Assert.Null(document.QuerySelector("h1"));
        Assert.Equal("kept", document.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void A_stream_that_is_not_a_memory_stream_gives_the_same_dom()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("<html><head><meta charset=windows-1251></head><body><p>Привет</p></body></html>");
        using var file = new BufferedStream(new MemoryStream(bytes), 7);

        Assert.Equal(Reference(bytes), HtmlDocuments.Parse(file).DocumentElement.OuterHtml);
    }

    [Fact]
    public void Random_pages_of_mixed_encodings_give_the_dom_of_anglesharps_byte_parser()
    {
        // Pieces that move the charset decision: metas in several places and spellings, legacy
        // bytes before and after them, broken sequences, raw text that hides markup.
        var pieces = new[]
        {
            Encoding.ASCII.GetBytes("<meta charset=windows-1251>"), Encoding.ASCII.GetBytes("<meta charset='iso-8859-1'>"),
            Encoding.ASCII.GetBytes("<meta http-equiv=content-type content='text/html; charset=koi8-r'>"), Encoding.ASCII.GetBytes("<meta charset=utf-8>"),
            Encoding.ASCII.GetBytes("<meta charset=utf-16le>"), Encoding.ASCII.GetBytes("<meta name=x content=y>"), Encoding.ASCII.GetBytes("<title>"),
            Encoding.ASCII.GetBytes("</title>"), Encoding.ASCII.GetBytes("<script>"), Encoding.ASCII.GetBytes("</script>"), Encoding.ASCII.GetBytes("<p>"),
            Encoding.ASCII.GetBytes("<head>"), Encoding.ASCII.GetBytes("<body>"), Encoding.ASCII.GetBytes("<!-- c -->"), Encoding.ASCII.GetBytes("<svg>"),
            Encoding.ASCII.GetBytes("<table>"), Encoding.ASCII.GetBytes("<template>"), Encoding.ASCII.GetBytes("</template>"),
            Encoding.GetEncoding(1251).GetBytes("Привет"), Encoding.UTF8.GetBytes("Привет"), Encoding.GetEncoding(1252).GetBytes("déjà"),
            new byte[] { 0xE2, 0x82 }, new byte[] { 0xEF, 0xBF, 0xBF }, new byte[] { 0xFF }, Encoding.ASCII.GetBytes(" text "),
        };
        var random = new Random(24);
        for (var i = 0; i < 400; i++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 14)).Select(_ => pieces[random.Next(pieces.Length)]).ToArray();
            var bytes = Bytes(parts);

            var expected = Reference(bytes);
            var actual = HtmlDocuments.Parse(new MemoryStream(bytes, writable: false)).DocumentElement.OuterHtml;

            Assert.True(expected == actual, $"case {i} ({Convert.ToHexString(bytes)}):\nexpected {expected}\nactual   {actual}");
        }
    }

    private static object[] Case(string name, byte[] bytes) => new object[] { name, bytes };

    private static byte[] Bytes(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>AngleSharp's byte-stream parser with the engine's options: the previous implementation, kept as the reference.</summary>
    private static string Reference(byte[] bytes)
    {
        var parser = new HtmlParser(HtmlDocuments.Options, BrowsingContext.New(Configuration.Default));
        using var stream = new MemoryStream(bytes, writable: false);
        return parser.ParseDocument(stream).DocumentElement.OuterHtml;
    }
}
