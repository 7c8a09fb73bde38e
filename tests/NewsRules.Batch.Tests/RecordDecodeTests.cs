using System.Text;
using NewsRules.Catalog;
using NewsRules.Cli.Batch;

namespace NewsRules.Batch.Tests;

/// <summary>
/// A record's bytes are decoded by the charset rules of <c>HtmlDocuments.Parse</c> (BOM, meta,
/// HTTP header) and give the line <c>extract</c> gives for the same page.
/// </summary>
public sealed class RecordDecodeTests : BatchTestBase
{
    private static readonly RecordExtractor Extractor = new(Sites.All);

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var page in SamplePages)
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(page))!) + "/" + Path.GetFileName(page));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_page_read_as_bytes_gives_the_line_of_its_text(string sample)
    {
        var parts = sample.Split('/');
        var bytes = File.ReadAllBytes(SamplePages.Single(p => p.EndsWith(Path.Combine(parts[0], "samples", parts[1]), StringComparison.Ordinal)));
        var fromText = Line(BatchRecord.FromText("page.html", null, Encoding.UTF8.GetString(bytes)));
        Assert.Equal(fromText, Line(BatchRecord.FromBytes("page.html", null, bytes, null)));
        Assert.Equal(fromText, Line(BatchRecord.FromBytes("page.html", null, Encoding.UTF8.GetPreamble().Concat(bytes).ToArray(), null)));
        Assert.DoesNotContain("\"error\"", fromText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_charset_named_by_a_meta_is_applied_after_the_utf8_guess()
    {
        var windows1251 = CodePagesEncoding(1251);
        const string Text = "Привет, мир: статья о погоде и новостях дня.";
        var html = $"<html><head><meta charset=\"windows-1251\"><link rel=\"canonical\" href=\"https://example.org/news/1\"><title>{Text}</title></head><body><article><h1>{Text}</h1><p>{Text} {Text}</p><p>{Text}</p></article></body></html>";

        var line = Line(BatchRecord.FromBytes("page.html", null, windows1251.GetBytes(html), null));

        Assert.Contains(Text, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_page_with_its_bom_and_a_header_charset_are_decoded_by_them()
    {
        const string Html = "<html><head><link rel=\"canonical\" href=\"https://example.org/a\"><title>Überschrift</title></head><body><article><h1>Überschrift</h1><p>Ein Absatz mit Umlauten: äöü ß.</p></article></body></html>";
        var utf16 = Line(BatchRecord.FromBytes("page.html", null, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Html)).ToArray(), null));
        var byHeader = Line(BatchRecord.FromBytes("page.html", "https://example.org/a", CodePagesEncoding(1252).GetBytes(Html), CodePagesEncoding(1252)));

        Assert.Contains("äöü ß", utf16, StringComparison.Ordinal);
        Assert.Equal(utf16, byHeader);
    }

    [Fact]
    public void Binary_records_and_problems_become_error_lines()
    {
        var binary = BatchRecord.FromBytes("b.bin", "https://example.org/b", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0 }, null);
        Assert.Contains("\"problem\":\"not-html\"", Line(binary), StringComparison.Ordinal);

        var failed = BatchRecord.Failed("x.jsonl#3", null, BatchProblem.Unreadable, "invalid JSON");
        Assert.Contains("\"problem\":\"unreadable\"", Line(failed), StringComparison.Ordinal);
    }

    private static string Line(BatchRecord record) => Extractor.Process(record).Line;

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
