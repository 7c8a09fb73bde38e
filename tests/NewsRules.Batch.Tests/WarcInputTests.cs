using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using NewsRules.Cli.Batch;

namespace NewsRules.Batch.Tests;

/// <summary>WARC and WARC.gz (one gzip member per record, as CC-NEWS): response records only, HTTP headers stripped, charset from the header first.</summary>
public sealed class WarcInputTests : BatchTestBase
{
    private static readonly Encoding Arabic = CodePages("windows-1256");

    private static Encoding CodePages(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    [Theory]
    [InlineData("news.warc.gz")]
    [InlineData("news.warc")]
    public void Response_records_become_articles_and_other_records_are_passed_over(string name)
    {
        var rtUrl = UrlOf(RtPage);
        var rtHtml = File.ReadAllText(RtPage);
        var apBytes = File.ReadAllBytes(ApPage);
        var warc = new WarcBuilder().Info();
        warc.Request(rtUrl)
            // 1: the header's charset wins over the page's meta (which still says utf-8).
            .Response(rtUrl, Arabic.GetBytes(rtHtml), "text/html; charset=windows-1256")
            // 2: no charset in the header: the page's meta decides.
            .Response(rtUrl, Arabic.GetBytes(rtHtml.Replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1256\">", StringComparison.Ordinal)), "text/html")
            // 3: chunked and gzip-encoded as sent on the wire.
            .Response(UrlOf(ApPage), Chunked(Gzip(apBytes)), "text/html; charset=utf-8", extraHeaders: "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")
            // 4, 5: not pages.
            .Response("https://apnews.com/article/missing", Encoding.ASCII.GetBytes("<h1>Not found</h1>"), status: 404)
            .Response("https://apnews.com/photo.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0x00 }, "image/jpeg");
        var input = PathIn(name);
        warc.Save(input);
        var output = PathIn("out.jsonl");

        var (exit, _, _) = Run("batch", input, "--out", output, "--progress", "none");

        Assert.Equal(1, exit);
        var lines = ReadLines(output);
        Assert.Equal(warc.ResponseOffsets.Select(o => $"{input}@{o}"), lines.Select(Id).OrderBy(id => long.Parse(id.Substring(id.LastIndexOf('@') + 1), System.Globalization.CultureInfo.InvariantCulture)));
        var byIndex = warc.ResponseOffsets.Select(o => lines.Single(l => Id(l) == $"{input}@{o}")).ToList();
        var rt = Expected(RtPage);
        Assert.True(JsonNode.DeepEquals(rt, WithoutRecord(byIndex[0])), "header charset");
        Assert.True(JsonNode.DeepEquals(rt, WithoutRecord(byIndex[1])), "meta charset");
        Assert.True(JsonNode.DeepEquals(Expected(ApPage), WithoutRecord(byIndex[2])), "chunked + gzip");
        Assert.Equal("not-html", Problem(byIndex[3]));
        Assert.Contains("HTTP status 404", (string)byIndex[3]["error"]!, StringComparison.Ordinal);
        Assert.Contains("'image/jpeg', not HTML", (string)byIndex[4]["error"]!, StringComparison.Ordinal);
        Assert.Equal("https://apnews.com/photo.jpg", (string?)byIndex[4]["url"]);
    }

    [Fact]
    public void A_truncated_warc_gz_keeps_the_records_before_the_cut_and_reports_one_error()
    {
        var warc = new WarcBuilder().Info();
        foreach (var page in SamplePages)
        {
            warc.Response(UrlOf(page), File.ReadAllBytes(page));
        }

        var whole = PathIn("whole.warc.gz");
        warc.Save(whole);
        var input = PathIn("cut.warc.gz");
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(input, bytes.AsSpan(0, bytes.Length - 200).ToArray());
        var output = PathIn("out.jsonl");

        var (exit, _, _) = Run("batch", input, "--out", output, "--progress", "none");

        Assert.Equal(1, exit);
        var lines = ReadLines(output);
        Assert.Equal(SamplePages.Count, lines.Count);
        var last = lines.Single(l => l["error"] is not null);
        Assert.Equal($"{input}@{warc.ResponseOffsets[^1]}", Id(last));
        Assert.Equal("unreadable", Problem(last));
        Assert.Contains("the rest of this file is lost", (string)last["error"]!, StringComparison.Ordinal);
        Assert.Equal(SamplePages.Count - 1, lines.Count(l => l["site"] is not null));
    }

    [Fact]
    public void The_reader_gives_every_record_with_its_offset_and_headers()
    {
        var warc = new WarcBuilder().Info().Request("https://apnews.com/a").Response("https://apnews.com/a", "<p>a</p>"u8.ToArray()).Response("https://apnews.com/b", "<p>bb</p>"u8.ToArray());
        var path = PathIn("r.warc.gz");
        warc.Save(path);

        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var reader = new WarcReader(stream);
        var records = new List<WarcRecord>();
        while (reader.Next() is { } record)
        {
            records.Add(record);
        }

        Assert.Equal(new[] { "warcinfo", "request", "response", "response" }, records.Select(r => r.Type));
        Assert.Equal(warc.ResponseOffsets, records.Where(r => r.Type == "response").Select(r => r.Offset));
        Assert.Equal("https://apnews.com/b", records[3].TargetUri);
        var response = HttpResponse.Parse(records[3].Block);
        Assert.Equal(200, response.Status);
        Assert.Equal("text/html", response.MediaType);
        Assert.Equal("<p>bb</p>", Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public void A_file_that_is_not_warc_is_one_error_record_naming_what_was_found()
    {
        var input = PathIn("bad.warc");
        File.WriteAllText(input, "<html>not a warc</html>\n");
        var output = PathIn("out.jsonl");

        var (exit, _, _) = Run("batch", input, "--out", output, "--progress", "none");

        Assert.Equal(1, exit);
        var line = Assert.Single(ReadLines(output));
        Assert.Contains("expected a 'WARC/1.x' version line at offset 0, found '<html>not a warc</html>'", (string)line["error"]!, StringComparison.Ordinal);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return memory.ToArray();
    }

    private static byte[] Chunked(byte[] bytes)
    {
        var output = new MemoryStream();
        for (var i = 0; i < bytes.Length; i += 1000)
        {
            var n = Math.Min(1000, bytes.Length - i);
            output.Write(Encoding.ASCII.GetBytes(n.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"));
            output.Write(bytes, i, n);
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }
}
