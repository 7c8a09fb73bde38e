using System.Text;
using NewsRules.Catalog;
using NewsRules.Cli.Batch;

namespace NewsRules.Batch.Tests;

/// <summary>
/// A record the batch's reader decoded ahead (<see cref="RecordExtractor.Prepare"/>, when the
/// workers are busy) gives the same line as one its worker decodes: same charset rules (BOM, meta,
/// HTTP header), same DOM.
/// </summary>
public sealed class ReaderDecodeTests : BatchTestBase
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
    public void A_sample_page_decoded_by_the_reader_gives_the_worker_s_line(string sample)
    {
        var parts = sample.Split('/');
        var bytes = File.ReadAllBytes(SamplePages.Single(p => p.EndsWith(Path.Combine(parts[0], "samples", parts[1]), StringComparison.Ordinal)));
        AssertSameLine(bytes, charset: null);
        AssertSameLine(Encoding.UTF8.GetPreamble().Concat(bytes).ToArray(), charset: null);
        AssertSameLine(bytes, charset: Encoding.UTF8);
    }

    [Fact]
    public void A_legacy_charset_named_by_a_meta_is_still_applied_after_the_reader_s_utf8_guess()
    {
        var windows1251 = CodePagesEncoding(1251);
        const string Text = "Привет, мир: статья о погоде и новостях дня.";
        var html = $"<html><head><meta charset=\"windows-1251\"><link rel=\"canonical\" href=\"https://example.org/news/1\"><title>{Text}</title></head><body><article><h1>{Text}</h1><p>{Text} {Text}</p><p>{Text}</p></article></body></html>";
        var bytes = windows1251.GetBytes(html);

        var line = AssertSameLine(bytes, charset: null);

        Assert.Contains(Text, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_page_with_its_bom_and_a_header_charset_give_the_worker_s_line()
    {
        const string Html = "<html><head><link rel=\"canonical\" href=\"https://example.org/a\"><title>Überschrift</title></head><body><article><h1>Überschrift</h1><p>Ein Absatz mit Umlauten: äöü ß.</p></article></body></html>";
        AssertSameLine(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Html)).ToArray(), charset: null);
        AssertSameLine(CodePagesEncoding(1252).GetBytes(Html), charset: CodePagesEncoding(1252));
    }

    [Fact]
    public void Binary_records_and_problems_are_left_to_the_worker()
    {
        var binary = BatchRecord.FromBytes("b.bin", "https://example.org/b", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0 }, null);
        RecordExtractor.Prepare(binary);
        Assert.False(binary.IsDecoded);
        Assert.Contains("\"problem\":\"not-html\"", Extractor.Process(binary).Line, StringComparison.Ordinal);

        var failed = BatchRecord.Failed("x.jsonl#3", null, BatchProblem.Unreadable, "invalid JSON");
        RecordExtractor.Prepare(failed);
        Assert.False(failed.IsDecoded);
    }

    private static string AssertSameLine(byte[] bytes, Encoding? charset)
    {
        var url = charset is null ? null : "https://example.org/news/1";
        var byWorker = BatchRecord.FromBytes("page.html", url, bytes, charset);
        var byReader = BatchRecord.FromBytes("page.html", url, bytes, charset);
        RecordExtractor.Prepare(byReader);
        Assert.True(byReader.IsDecoded);
        Assert.False(byWorker.IsDecoded);

        var expected = Extractor.Process(byWorker).Line;
        Assert.Equal(expected, Extractor.Process(byReader).Line);
        return expected;
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
