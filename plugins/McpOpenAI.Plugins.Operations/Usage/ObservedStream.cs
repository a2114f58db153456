using System.Text.Json;

namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>
/// A streamed (server-sent events) answer passed through unchanged while each <c>data:</c> event is read for usage;
/// <paramref name="completed"/> runs once, when the stream ends or is closed (true when it was read to its end).
/// </summary>
internal sealed class ObservedStream(Stream inner, UsageScanner scanner, Action<bool> completed) : Stream
{
    private readonly MemoryStream _line = new();
    private int _done;
    private bool _sawDone;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Observe(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Observe(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Observe(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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
            Complete(false);
            inner.Dispose();
            _line.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Observe(ReadOnlySpan<byte> read)
    {
        if (read.IsEmpty)
        {
            EndLine();
            Complete(true);
            return 0;
        }
        var rest = read;
        while (rest.IndexOf((byte)'\n') is var newline and >= 0)
        {
            _line.Write(rest[..newline]);
            EndLine();
            rest = rest[(newline + 1)..];
        }
        _line.Write(rest);
        return read.Length;
    }

    private void EndLine()
    {
        var line = _line.GetBuffer().AsSpan(0, (int)_line.Length).TrimEnd((byte)'\r');
        if (line.StartsWith("data:"u8))
        {
            var data = line[5..].TrimStart((byte)' ');
            if (data.SequenceEqual("[DONE]"u8)) _sawDone = true;
            else Scan(data);
        }
        _line.SetLength(0);
    }

    private void Scan(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            using var document = JsonDocument.ParseValue(ref reader);
            scanner.Add(document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON: the client reading the stream reports that; usage just misses the event.
        }
    }

    private void Complete(bool toEnd)
    {
        // A client may close the stream after the last event without reading to its end: that is a finished answer too.
        if (Interlocked.Exchange(ref _done, 1) == 0) completed(toEnd || _sawDone || scanner.Finished);
    }
}
