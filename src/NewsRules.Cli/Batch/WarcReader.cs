using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NewsRules.Cli.Batch;

/// <summary>One WARC record: its named headers and its content block.</summary>
internal sealed record WarcRecord(long Offset, IReadOnlyDictionary<string, string> Headers, byte[] Block)
{
    /// <summary>WARC-Type (response, request, warcinfo, …).</summary>
    public string Type => Header("WARC-Type") ?? "";

    /// <summary>WARC-Target-URI, without the angle brackets WARC 1.0 writers sometimes add.</summary>
    public string? TargetUri => Header("WARC-Target-URI")?.Trim().TrimStart('<').TrimEnd('>');

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// Reads WARC 1.0/1.1 records (ISO 28500) one after another from an uncompressed stream; for
/// .warc.gz, hand it a <see cref="System.IO.Compression.GZipStream"/>, which reads the
/// concatenated per-record gzip members Common Crawl writes. Offsets count uncompressed bytes.
/// </summary>
internal sealed class WarcReader
{
    private const int MaxHeaderLine = 64 * 1024;
    private readonly Stream stream;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    public WarcReader(Stream stream) => this.stream = stream;

    /// <summary>Uncompressed bytes consumed so far.</summary>
    public long Position { get; private set; }

    /// <summary>The next record, or null at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">The stream is not WARC, or ends inside a record.</exception>
    public WarcRecord? Next()
    {
        // Records are separated by CRLF CRLF; tolerate any number of blank lines between them.
        string? line;
        long offset;
        do
        {
            offset = Position;
            line = ReadLine();
            if (line is null)
            {
                return null;
            }
        }
        while (line.Length == 0);

        if (!line.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"expected a 'WARC/1.x' version line at offset {offset}, found '{Shorten(line)}'");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            line = ReadLine() ?? throw new InvalidDataException($"the file ends inside the headers of the record at offset {offset} (truncated?)");
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
        }

        if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, out var length) || length < 0 || length > int.MaxValue)
        {
            throw new InvalidDataException($"the record at offset {offset} has no valid Content-Length header");
        }

        var block = new byte[length];
        var read = ReadBlock(block);
        if (read < length)
        {
            throw new InvalidDataException($"the file ends inside the record at offset {offset}: {read} of its {length} bytes are there (truncated?)");
        }

        // The CRLF CRLF that ends the record belongs to it: the next record's offset is where its version line starts.
        SkipLineEnds();
        return new WarcRecord(offset, headers, block);
    }

    private void SkipLineEnds()
    {
        while ((start < end || Fill()) && buffer[start] is (byte)'\r' or (byte)'\n')
        {
            start++;
            Position++;
        }
    }

    private int ReadBlock(byte[] block)
    {
        var copied = 0;
        while (copied < block.Length)
        {
            if (start == end && !Fill())
            {
                break;
            }

            var n = Math.Min(end - start, block.Length - copied);
            Buffer.BlockCopy(buffer, start, block, copied, n);
            start += n;
            copied += n;
            Position += n;
        }

        return copied;
    }

    /// <summary>A header line without its CRLF (Latin-1, as WARC headers are ASCII); null at the end of the stream.</summary>
    private string? ReadLine()
    {
        var line = new List<byte>();
        while (true)
        {
            if (start == end && !Fill())
            {
                return line.Count == 0 ? null : Decode(line);
            }

            var b = buffer[start++];
            Position++;
            if (b == (byte)'\n')
            {
                return Decode(line);
            }

            if (line.Count >= MaxHeaderLine)
            {
                throw new InvalidDataException($"a header line longer than {MaxHeaderLine} bytes before offset {Position}: not a WARC file?");
            }

            line.Add(b);
        }
    }

    private static string Decode(List<byte> line)
    {
        var count = line.Count > 0 && line[^1] == (byte)'\r' ? line.Count - 1 : line.Count;
        return Encoding.UTF8.GetString(line.ToArray(), 0, count);
    }

    private bool Fill()
    {
        start = 0;
        end = stream.Read(buffer, 0, buffer.Length);
        return end > 0;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
