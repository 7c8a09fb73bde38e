using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Html;

namespace NewsRules.Cli.Batch;

/// <summary>Turns one record into its output line: parse, find the URL and the rule, extract. Never throws for a bad page.</summary>
internal sealed class RecordExtractor
{
    private readonly IReadOnlyList<IArticleExtractor> extractors;
    private readonly bool fallback;

    /// <summary>Extracts with the rules given, and with the generic fallback for pages none serves unless <paramref name="fallback"/> is false.</summary>
    public RecordExtractor(IReadOnlyList<IArticleExtractor> extractors, bool fallback = true)
    {
        this.extractors = extractors;
        this.fallback = fallback;
    }

    public BatchResult Process(BatchRecord record)
    {
        try
        {
            return Extract(record);
        }
        finally
        {
            record.Release();
        }
    }

    private BatchResult Extract(BatchRecord record)
    {
        if (record.Problem is { } problem)
        {
            return BatchLine.Error(record.Id, record.Url, problem, record.Error ?? "the record could not be read.");
        }

        try
        {
            if (record.HasBytes && LooksBinary(record.Bytes))
            {
                return BatchLine.Error(record.Id, record.Url, BatchProblem.NotHtml, $"{record.Id} holds binary data (NUL bytes), not an HTML page.");
            }

            var document = Parse(record);
            Uri? url;
            if (record.Url is not null)
            {
                if (!Uri.TryCreate(record.Url, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    return BatchLine.Error(record.Id, record.Url, BatchProblem.NoUrl, $"the record's URL '{record.Url}' is not an absolute http(s) URL.");
                }
            }
            else
            {
                url = PageAddress.Find(document);
                if (url is null)
                {
                    return BatchLine.Error(record.Id, null, BatchProblem.NoUrl, $"'{record.Id}' has no canonical link or og:url, so no rule can be chosen; give such pages in a JSONL file with their \"url\".");
                }
            }

            // The front door: the rule that serves the URL, else the generic fallback.
            var extractor = ForUrl(url) ?? (fallback ? Extractor.For(url, Array.Empty<IArticleExtractor>()) : null);
            if (extractor is null)
            {
                return BatchLine.Error(record.Id, url.AbsoluteUri, BatchProblem.NoRule, NoRuleMessage(url) + " Or drop --no-fallback to extract it with the generic fallback.");
            }

            return BatchLine.Article(extractor.Extract(document, url), record.Id);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return BatchLine.Error(record.Id, record.Url, BatchProblem.Failed, $"extraction failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>The rule that serves the URL most specifically (longest matching domain), as <c>Sites.ForUrl</c> picks.</summary>
    public IArticleExtractor? ForUrl(Uri url) => NewsRules.Engine.ExtractorRegistry.Find(extractors, url);

    private string NoRuleMessage(Uri url)
    {
        var forHost = extractors.Where(s => s.Domains.Any(d => url.Host.Equals(d, StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase))).ToList();
        return forHost.Count > 0
            ? $"rule {string.Join(", ", forHost.Select(s => s.Site))} serves host '{url.Host}', but none of its urls patterns match the path '{url.AbsolutePath}'."
            : $"no rule for host '{url.Host}'; add one under rules/<domain>/ or pass --rules <folder>.";
    }

    private static IDocument Parse(BatchRecord record)
    {
        if (record.Html is { } html)
        {
            return HtmlDocuments.Parse(html);
        }

        var bytes = record.Bytes;
        if (record.Charset is { } charset && !HasBom(bytes))
        {
            // The HTTP header's charset wins over the page's meta, as in a browser.
            return HtmlDocuments.Parse(HtmlDocuments.Decode(bytes, charset), bytes, transient: true);
        }

        return HtmlDocuments.ParseTransient(bytes);
    }

    private static bool HasBom(ReadOnlySpan<byte> bytes) =>
        (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        || (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)));

    /// <summary>NUL bytes in the first 8 KB (UTF-16 pages, which have them, start with a BOM).</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (HasBom(bytes))
        {
            return false;
        }

        var n = Math.Min(bytes.Length, 8192);
        return bytes[..n].Contains((byte)0);
    }
}
