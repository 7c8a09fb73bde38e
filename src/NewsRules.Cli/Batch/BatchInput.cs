using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;

namespace NewsRules.Cli.Batch;

/// <summary>
/// One input of a batch: a folder of saved pages, a single page, a JSONL file of
/// <c>{url, html}</c> lines, or a WARC / WARC.gz file. Yields its records in a stable order;
/// <see cref="Consumed"/> says how many of its bytes have been read, for progress.
/// </summary>
internal abstract class BatchInput
{
    protected BatchInput(string path, long length)
    {
        Path = path;
        Length = length;
    }

    /// <summary>The input's full path: the prefix of its records' ids.</summary>
    public string Path { get; }

    /// <summary>Its size in bytes (on disk, compressed if it is).</summary>
    public long Length { get; }

    /// <summary>Bytes of <see cref="Length"/> read so far.</summary>
    public long Consumed { get; protected set; }

    /// <summary>The records, except those whose id <paramref name="skip"/> returns true for (they are not read further).</summary>
    public abstract IEnumerable<BatchRecord> Read(Func<string, bool> skip);

    /// <summary>
    /// The input a command-line argument names (<c>-</c>: standard input, opened by
    /// <paramref name="standardInput"/>); throws <see cref="BatchUsageException"/> when it is
    /// missing, unreadable or of an unknown kind.
    /// </summary>
    public static BatchInput Open(string argument, Func<Stream> standardInput)
    {
        if (argument == StandardInput.Name)
        {
            return new StandardInput(standardInput);
        }

        var full = System.IO.Path.GetFullPath(argument);
        if (Directory.Exists(full))
        {
            return FolderInput.Create(full);
        }

        if (!File.Exists(full))
        {
            throw new BatchUsageException($"input '{argument}' does not exist. Pass folders of .html pages, .jsonl files or .warc/.warc.gz files.");
        }

        try
        {
            using var probe = File.OpenRead(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BatchUsageException($"input '{argument}' cannot be read: {ex.Message}");
        }

        var name = System.IO.Path.GetFileName(full).ToLowerInvariant();
        if (name.EndsWith(".warc", StringComparison.Ordinal) || name.EndsWith(".warc.gz", StringComparison.Ordinal))
        {
            return new WarcInput(full);
        }

        if (name.EndsWith(".jsonl", StringComparison.Ordinal) || name.EndsWith(".ndjson", StringComparison.Ordinal)
            || name.EndsWith(".jsonl.gz", StringComparison.Ordinal) || name.EndsWith(".ndjson.gz", StringComparison.Ordinal))
        {
            return new JsonlInput(full);
        }

        if (name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".htm", StringComparison.Ordinal) || name.EndsWith(".xhtml", StringComparison.Ordinal))
        {
            return new FolderInput(full, new[] { full }, new FileInfo(full).Length);
        }

        throw new BatchUsageException(
            $"input '{argument}' is not a kind batch reads (by its name). Use a folder of pages, a .html page, a .jsonl/.ndjson file (optionally .gz) of {{\"url\", \"html\"}} lines, or a .warc/.warc.gz file.");
    }

    /// <summary>Opens a file for reading, through gzip when its name ends in .gz; the file stream is returned too, for progress.</summary>
    protected static Stream OpenMaybeGzip(string path, out FileStream file)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}

/// <summary>A batch cannot start: a missing or unreadable input, a bad option. Exit code 2.</summary>
internal sealed class BatchUsageException : Exception
{
    public BatchUsageException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Every file under a folder (hidden files and folders left out), in ordinal path order, each
/// one record whatever it holds: a binary or truncated file gives an error line, not a gap.
/// </summary>
internal sealed class FolderInput : BatchInput
{
    private readonly IReadOnlyList<string> files;

    public FolderInput(string path, IReadOnlyList<string> files, long length)
        : base(path, length) => this.files = files;

    public static FolderInput Create(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = false };
        List<FileInfo> files;
        try
        {
            files = new DirectoryInfo(folder).EnumerateFiles("*", options)
                .Where(f => !IsHidden(System.IO.Path.GetRelativePath(folder, f.FullName)))
                .OrderBy(f => f.FullName, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BatchUsageException($"folder '{folder}' cannot be listed: {ex.Message}");
        }

        return new FolderInput(folder, files.Select(f => f.FullName).ToList(), files.Sum(f => f.Length));
    }

    public override IEnumerable<BatchRecord> Read(Func<string, bool> skip)
    {
        foreach (var file in files)
        {
            BatchRecord record;
            if (skip(file))
            {
                Consumed += SizeOf(file);
                continue;
            }

            try
            {
                var (bytes, length) = ReadPooled(file);
                Consumed += length;
                record = BatchRecord.FromPooledBytes(file, bytes, length);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                record = BatchRecord.Failed(file, null, BatchProblem.Unreadable, $"cannot read '{file}': {ex.Message}");
            }

            yield return record;
        }
    }

    /// <summary>
    /// The file's bytes in an array rented from the shared pool (the record gives it back once
    /// extracted): a page is hundreds of KB, and a new array each time is fresh memory for the GC
    /// to clear and the kernel to fault in.
    /// </summary>
    private static (byte[] Bytes, int Length) ReadPooled(string file)
    {
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var size = RandomAccess.GetLength(handle);
        if (size >= Array.MaxLength)
        {
            throw new IOException($"the file is {size} bytes long; pages of 2 GB or more cannot be read.");
        }

        // One byte more than the size, so that a file that grew since is still read to its end.
        var buffer = ArrayPool<byte>.Shared.Rent((int)size + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= Array.MaxLength)
                    {
                        throw new IOException("the file grew past 2 GB while it was read.");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static long SizeOf(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    // Dot-files and dot-folders (.git, .DS_Store) are not pages.
    private static bool IsHidden(string relative) =>
        relative.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));
}

/// <summary>
/// A JSONL file: one <c>{"url": "…", "html": "…"}</c> object a line (blank lines ignored); the
/// record id is the path plus <c>#</c> and the 1-based line number. A line that is not such an
/// object is an error record, not the end of the batch.
/// </summary>
internal sealed class JsonlInput : BatchInput
{
    public JsonlInput(string path)
        : base(path, new FileInfo(path).Length)
    {
    }

    public override IEnumerable<BatchRecord> Read(Func<string, bool> skip)
    {
        using var stream = OpenMaybeGzip(Path, out var file);
        foreach (var record in Read(Path, stream, skip))
        {
            Consumed = file.Position;
            yield return record;
        }

        // Read to the end (the reader has closed the file).
        Consumed = Length;
    }

    /// <summary>The records of JSONL text; ids are <paramref name="path"/>, <c>#</c>, the line number.</summary>
    public static IEnumerable<BatchRecord> Read(string path, Stream stream, Func<string, bool> skip)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var number = 0;
        while (true)
        {
            string? line;
            string? failure = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                line = null;
                failure = ex.Message;
            }

            number++;
            var id = $"{path}#{number}";
            if (failure is not null)
            {
                if (!skip(id))
                {
                    yield return BatchRecord.Failed(id, null, BatchProblem.Unreadable, $"{path}: line {number} cannot be read ({failure}); the file is cut short or damaged.");
                }

                yield break;
            }

            if (line is null)
            {
                yield break;
            }

            if (string.IsNullOrWhiteSpace(line) || skip(id))
            {
                continue;
            }

            yield return Parse(path, id, number, line);
        }
    }

    private static BatchRecord Parse(string path, string id, int number, string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BatchRecord.Failed(id, null, BatchProblem.Unreadable, $"{path}({number}): the line is not a JSON object; write {{\"url\": \"…\", \"html\": \"…\"}}.");
            }

            string? url = json.RootElement.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            if (!json.RootElement.TryGetProperty("html", out var html) || html.ValueKind != JsonValueKind.String)
            {
                return BatchRecord.Failed(id, url, BatchProblem.Unreadable, $"{path}({number}): the line has no \"html\" string; write {{\"url\": \"…\", \"html\": \"…\"}}.");
            }

            return BatchRecord.FromText(id, url, html.GetString()!);
        }
        catch (JsonException ex)
        {
            return BatchRecord.Failed(id, null, BatchProblem.Unreadable, $"{path}({number}): the line is not valid JSON ({ex.Message}).");
        }
    }
}

/// <summary>
/// A WARC or WARC.gz file (Common Crawl's CC-NEWS: one gzip member per record). Each response
/// record is one batch record, with the HTTP headers stripped; other records (warcinfo,
/// request, metadata) are not pages and are passed over. Record id: path, <c>@</c>, the
/// record's offset in the uncompressed WARC.
/// </summary>
internal sealed class WarcInput : BatchInput
{
    public WarcInput(string path)
        : base(path, new FileInfo(path).Length)
    {
    }

    public override IEnumerable<BatchRecord> Read(Func<string, bool> skip)
    {
        using var stream = OpenMaybeGzip(Path, out var file);
        foreach (var record in Read(Path, stream, skip))
        {
            Consumed = file.Position;
            yield return record;
        }

        // Read to the end (the reader has closed the file).
        Consumed = Length;
    }

    /// <summary>The response records of an uncompressed WARC stream; ids are <paramref name="path"/>, <c>@</c>, the record's offset.</summary>
    public static IEnumerable<BatchRecord> Read(string path, Stream stream, Func<string, bool> skip)
    {
        var reader = new WarcReader(stream);
        while (true)
        {
            WarcRecord? record;
            string? failure = null;
            var offset = reader.Position;
            try
            {
                record = reader.Next();
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                record = null;
                failure = ex.Message;
            }

            if (failure is not null)
            {
                // The rest of the file cannot be found: one error record where reading stopped.
                var id = $"{path}@{offset}";
                if (!skip(id))
                {
                    yield return BatchRecord.Failed(id, null, BatchProblem.Unreadable, $"{path}: {failure}. The records before it were read; the rest of this file is lost.");
                }

                yield break;
            }

            if (record is null)
            {
                yield break;
            }

            if (!record.Type.Equals("response", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var recordId = $"{path}@{record.Offset}";
            if (skip(recordId))
            {
                continue;
            }

            yield return ToBatchRecord(recordId, record);
        }
    }

    private static BatchRecord ToBatchRecord(string id, WarcRecord record)
    {
        var url = record.TargetUri;
        HttpResponse response;
        try
        {
            response = HttpResponse.Parse(record.Block);
        }
        catch (InvalidDataException ex)
        {
            return BatchRecord.Failed(id, url, BatchProblem.Unreadable, $"{ex.Message} (record {id}).");
        }

        if (response.Status is < 200 or > 299)
        {
            return BatchRecord.Failed(id, url, BatchProblem.NotHtml, $"the response has HTTP status {response.Status}, not a page (record {id}).");
        }

        if (response.MediaType is { } type && !IsHtml(type))
        {
            return BatchRecord.Failed(id, url, BatchProblem.NotHtml, $"the response is '{type}', not HTML (record {id}).");
        }

        return BatchRecord.FromBytes(id, url, response.Body, response.Charset);
    }

    private static bool IsHtml(string mediaType) =>
        mediaType is "text/html" or "application/xhtml+xml" or "text/plain" or "application/xml" or "text/xml" || mediaType.Length == 0;
}

/// <summary>
/// Standard input (<c>-</c>), for Hadoop Streaming, Spark's <c>pipe()</c> and shell pipes:
/// JSONL of <c>{"url", "html"}</c> lines, or a WARC, either of them gzipped, told apart by their
/// first bytes. Record ids are <c>-#line</c> (JSONL) and <c>-@offset</c> (WARC).
/// </summary>
internal sealed class StandardInput : BatchInput
{
    /// <summary>The argument that names standard input.</summary>
    public const string Name = "-";

    private readonly Func<Stream> open;

    public StandardInput(Func<Stream> open)
        : base(Name, 0) => this.open = open;

    public override IEnumerable<BatchRecord> Read(Func<string, bool> skip)
    {
        using var raw = new CountingStream(open());
        Stream stream = raw;
        var head = Peek(ref stream, 2);
        if (head.Length == 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        head = Peek(ref stream, 5);
        var records = head.AsSpan().SequenceEqual("WARC/"u8) ? WarcInput.Read(Name, stream, skip) : JsonlInput.Read(Name, stream, skip);
        foreach (var record in records)
        {
            Consumed = raw.BytesRead;
            yield return record;
        }

        Consumed = raw.BytesRead;
    }

    /// <summary>Reads up to <paramref name="count"/> bytes and puts them back in front of the stream.</summary>
    private static byte[] Peek(ref Stream stream, int count)
    {
        var head = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = stream.Read(head, read, count - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        head = head.AsSpan(0, read).ToArray();
        stream = new PrefixedStream(head, stream);
        return head;
    }

    /// <summary>A read-only stream: some bytes already read, then the rest of the inner stream.</summary>
    private sealed class PrefixedStream : Stream
    {
        private readonly byte[] prefix;
        private readonly Stream inner;
        private int at;

        public PrefixedStream(byte[] prefix, Stream inner)
        {
            this.prefix = prefix;
            this.inner = inner;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (at < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - at);
                prefix.AsSpan(at, n).CopyTo(buffer);
                at += n;
                return n;
            }

            return inner.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Counts the bytes read from standard input, for progress.</summary>
    private sealed class CountingStream : Stream
    {
        private readonly Stream inner;
        private long read;

        public CountingStream(Stream inner) => this.inner = inner;

        public long BytesRead => System.Threading.Interlocked.Read(ref read);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            System.Threading.Interlocked.Add(ref read, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
