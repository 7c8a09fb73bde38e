using System;
using System.Buffers;
using System.Text;

namespace NewsRules.Cli.Batch;

/// <summary>
/// One input record of a batch: a page from a folder, a JSONL line or a WARC response record.
/// <see cref="Id"/> is stable across runs (input path plus index or offset), which is what
/// <c>--resume</c> keys on.
/// </summary>
internal sealed class BatchRecord
{
    private BatchRecord(string id, string? url)
    {
        Id = id;
        Url = url;
    }

    /// <summary>Stable record id: the input's full path, then <c>#line</c>, <c>@offset</c> or nothing for a file of a folder.</summary>
    public string Id { get; }

    /// <summary>The page's URL as the input states it (JSONL <c>url</c>, WARC-Target-URI); null for saved pages, which name their own.</summary>
    public string? Url { get; }

    /// <summary>HTML already decoded to text (JSONL input).</summary>
    public string? Html { get; private init; }

    private byte[]? bytes;
    private int length;
    private bool pooled;

    /// <summary>Whether the record holds HTML bytes (a file, a WARC payload): <see cref="Bytes"/>.</summary>
    public bool HasBytes => bytes is not null;

    /// <summary>The HTML bytes; empty when <see cref="HasBytes"/> is false or after <see cref="Release"/>.</summary>
    public ReadOnlySpan<byte> Bytes => bytes.AsSpan(0, length);

    /// <summary>The charset the transport declared for <see cref="Bytes"/> (HTTP Content-Type); null to let the page's meta or detection decide.</summary>
    public Encoding? Charset { get; private init; }

    /// <summary>Set when the record could not be read; the record becomes an error line.</summary>
    public BatchProblem? Problem { get; private init; }

    /// <summary>Why the record could not be read (with <see cref="Problem"/>).</summary>
    public string? Error { get; private init; }

    public static BatchRecord FromText(string id, string? url, string html) => new(id, url) { Html = html };

    public static BatchRecord FromBytes(string id, string? url, byte[] bytes, Encoding? charset) => new(id, url) { bytes = bytes, length = bytes.Length, Charset = charset };

    /// <summary>A saved page whose bytes are the first <paramref name="length"/> of an array rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Release"/> gives it back.</summary>
    public static BatchRecord FromPooledBytes(string id, byte[] rented, int length) => new(id, null) { bytes = rented, length = length, pooled = true };

    /// <summary>
    /// Gives the rented buffer of the bytes back to the pool once the record is processed; the
    /// record holds no bytes after.
    /// </summary>
    public void Release()
    {
        var rented = bytes;
        if (pooled && rented is not null)
        {
            bytes = null;
            length = 0;
            pooled = false;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static BatchRecord Failed(string id, string? url, BatchProblem problem, string error) => new(id, url) { Problem = problem, Error = error };
}

/// <summary>Why a record gave no article; written as the error line's <c>problem</c>.</summary>
internal enum BatchProblem
{
    /// <summary>No compiled rule serves the URL.</summary>
    NoRule,

    /// <summary>A saved page without a canonical link or og:url, or a record whose URL is not absolute http(s).</summary>
    NoUrl,

    /// <summary>Binary content, a non-HTML content type, or an HTTP status other than 2xx.</summary>
    NotHtml,

    /// <summary>The record could not be read (I/O error, invalid JSON, truncated WARC).</summary>
    Unreadable,

    /// <summary>The rule threw while extracting.</summary>
    Failed,
}

internal static class BatchProblems
{
    public static string Name(BatchProblem problem) => problem switch
    {
        BatchProblem.NoRule => "no-rule",
        BatchProblem.NoUrl => "no-url",
        BatchProblem.NotHtml => "not-html",
        BatchProblem.Unreadable => "unreadable",
        _ => "failed",
    };
}
