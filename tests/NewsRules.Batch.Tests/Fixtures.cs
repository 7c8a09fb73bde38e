using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using NewsRules.Catalog;
using NewsRules.Cli;
using NewsRules.Html;
using NewsRules.Output;

namespace NewsRules.Batch.Tests;

/// <summary>The repository's sample pages, a scratch folder, and running the command line in process.</summary>
public abstract class BatchTestBase : IDisposable
{
    protected BatchTestBase() => Scratch = Directory.CreateTempSubdirectory("newsrules-batch-").FullName;

    protected string Scratch { get; }

    /// <summary>The rules/*/samples/*.html pages, ordinal order.</summary>
    protected static IReadOnlyList<string> SamplePages => Directory
        .EnumerateFiles(RulesDirectory, "*.html", SearchOption.AllDirectories)
        .Where(p => p.Contains(Path.DirectorySeparatorChar + "samples" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        .OrderBy(p => p, StringComparer.Ordinal)
        .ToList();

    protected static string RulesDirectory => typeof(BatchTestBase).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RulesDirectory").Value!;

    protected static string RtPage => SamplePages.First(p => p.Contains("arabic.rt.com", StringComparison.Ordinal));

    protected static string ApPage => SamplePages.First(p => p.Contains("apnews.com", StringComparison.Ordinal));

    public void Dispose()
    {
        Directory.Delete(Scratch, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (CliApp.Run(args, output, error), output.ToString(), error.ToString());
    }

    protected string PathIn(string name)
    {
        var path = Path.Combine(Scratch, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>The output file's lines as JSON objects (every line must parse).</summary>
    protected static List<JsonObject> ReadLines(string path) => File.ReadAllText(path)
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => JsonNode.Parse(line)!.AsObject())
        .ToList();

    protected static string Id(JsonObject line) => (string)line["record"]!;

    protected static string? Problem(JsonObject line) => (string?)line["problem"];

    /// <summary>The page's own URL (canonical link or og:url).</summary>
    protected static string UrlOf(string page)
    {
        using var stream = File.OpenRead(page);
        return PageAddress.Find(HtmlDocuments.Parse(stream))!.OriginalString;
    }

    /// <summary>What <c>extract</c> gives for a sample page, as a JSON object.</summary>
    protected static JsonObject Expected(string page)
    {
        using var stream = File.OpenRead(page);
        var document = HtmlDocuments.Parse(stream);
        var url = PageAddress.Find(document)!;
        return JsonNode.Parse(ArticleJson.Serialize(Sites.ForUrl(url)!.Extract(document, url)))!.AsObject();
    }

    /// <summary>An article line without its record id, to compare with the contract.</summary>
    protected static JsonObject WithoutRecord(JsonObject line)
    {
        var copy = JsonNode.Parse(line.ToJsonString())!.AsObject();
        copy.Remove("record");
        return copy;
    }
}

/// <summary>Writes WARC files as Common Crawl does: each record its own gzip member (or plain, for .warc).</summary>
internal sealed class WarcBuilder
{
    private readonly List<byte[]> records = new();
    private long offset;

    /// <summary>Uncompressed offsets of the response records written, in order: the batch's record ids end in <c>@offset</c>.</summary>
    public List<long> ResponseOffsets { get; } = new();

    public WarcBuilder Info()
    {
        Add("warcinfo", null, "application/warc-fields", Encoding.ASCII.GetBytes("software: NewsRules tests\r\nformat: WARC File Format 1.0\r\n"));
        return this;
    }

    public WarcBuilder Request(string url)
    {
        var uri = new Uri(url);
        Add("request", url, "application/http; msgtype=request", Encoding.ASCII.GetBytes($"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Host}\r\n\r\n"));
        return this;
    }

    public WarcBuilder Response(string url, byte[] body, string? contentType = "text/html", int status = 200, string extraHeaders = "")
    {
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Not Found")}\r\n" + (contentType is null ? "" : $"Content-Type: {contentType}\r\n") + extraHeaders + $"Content-Length: {body.Length}\r\n\r\n";
        ResponseOffsets.Add(offset);
        Add("response", url, "application/http; msgtype=response", Concat(Encoding.ASCII.GetBytes(head), body));
        return this;
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        foreach (var record in records)
        {
            if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
                gzip.Write(record);
            }
            else
            {
                file.Write(record);
            }
        }
    }

    private void Add(string type, string? url, string contentType, byte[] block)
    {
        var header = $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
            + (url is null ? "" : $"WARC-Target-URI: {url}\r\n")
            + $"Content-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n";
        var record = Concat(Encoding.UTF8.GetBytes(header), block, "\r\n\r\n"u8.ToArray());
        records.Add(record);
        offset += record.Length;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
