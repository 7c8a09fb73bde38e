using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace NewsRules.Cli.Batch;

/// <summary>An HTTP response as a WARC response record stores it: status, headers, and the body with its transfer and content codings undone.</summary>
internal sealed record HttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    static HttpResponse()
    {
        // Pages still arrive in windows-1256, windows-1251, Shift_JIS…: make the code pages available.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The media type of Content-Type, lower case, without parameters; null when absent.</summary>
    public string? MediaType
    {
        get
        {
            if (!Headers.TryGetValue("Content-Type", out var value))
            {
                return null;
            }

            var semicolon = value.IndexOf(';', StringComparison.Ordinal);
            return (semicolon < 0 ? value : value.Substring(0, semicolon)).Trim().ToLowerInvariant();
        }
    }

    /// <summary>The charset parameter of Content-Type as an encoding; null when absent or unknown.</summary>
    public Encoding? Charset => Headers.TryGetValue("Content-Type", out var value) ? CharsetOf(value) : null;

    /// <summary>The encoding named by a Content-Type value's charset parameter, or null.</summary>
    public static Encoding? CharsetOf(string contentType)
    {
        foreach (var part in contentType.Split(';'))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var name = pair[1].Trim().Trim('"', '\'');
                try
                {
                    return Encoding.GetEncoding(name);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }
        }

        return null;
    }

    /// <summary>Parses a WARC response block: status line, headers, blank line, body.</summary>
    /// <exception cref="InvalidDataException">The block is not an HTTP response.</exception>
    public static HttpResponse Parse(byte[] block)
    {
        var headerEnd = IndexOfBlankLine(block, out var bodyStart);
        if (headerEnd < 0)
        {
            throw new InvalidDataException("the response record has no blank line after its HTTP headers");
        }

        var head = Encoding.Latin1.GetString(block, 0, headerEnd).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var statusParts = head[0].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase) || !int.TryParse(statusParts[1], out var status))
        {
            throw new InvalidDataException($"the response record does not start with an HTTP status line (found '{(head[0].Length > 40 ? head[0].Substring(0, 40) : head[0])}')");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
        }

        var body = block.AsSpan(bodyStart).ToArray();
        if (headers.TryGetValue("Transfer-Encoding", out var transfer) && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        if (headers.TryGetValue("Content-Encoding", out var coding))
        {
            body = Decode(body, coding.Trim().ToLowerInvariant());
        }

        return new HttpResponse(status, headers, body);
    }

    private static int IndexOfBlankLine(byte[] block, out int bodyStart)
    {
        for (var i = 0; i < block.Length - 1; i++)
        {
            if (block[i] == '\n' && block[i + 1] == '\n')
            {
                bodyStart = i + 2;
                return i;
            }

            if (block[i] == '\n' && block[i + 1] == '\r' && i + 2 < block.Length && block[i + 2] == '\n')
            {
                bodyStart = i + 3;
                return i > 0 && block[i - 1] == '\r' ? i - 1 : i;
            }
        }

        bodyStart = -1;
        return -1;
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = Array.IndexOf(body, (byte)'\n', position);
            if (lineEnd < 0)
            {
                break;
            }

            var sizeText = Encoding.Latin1.GetString(body, position, lineEnd - position).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size <= 0)
            {
                break;
            }

            position = lineEnd + 1;
            size = Math.Min(size, body.Length - position);
            output.Write(body, position, size);
            position += size + 2;
        }

        // A body that was not really chunked (crawlers often keep the header after undoing it) stays as it is.
        return output.Length == 0 ? body : output.ToArray();
    }

    private static byte[] Decode(byte[] body, string coding)
    {
        Stream? decoder = coding switch
        {
            "gzip" or "x-gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            "deflate" => new ZLibStream(new MemoryStream(body), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null)
        {
            return body;
        }

        try
        {
            using (decoder)
            {
                using var output = new MemoryStream();
                decoder.CopyTo(output);
                return output.ToArray();
            }
        }
        catch (InvalidDataException)
        {
            // Crawlers (Common Crawl among them) store the decoded payload but may keep the header: use the bytes as they are.
            return body;
        }
    }
}
