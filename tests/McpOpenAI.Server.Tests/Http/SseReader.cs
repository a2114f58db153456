using System.Text;

namespace McpOpenAI.Server.Tests.Http;

/// <summary>Reads server-sent events (id and data) from a response stream, one event at a time.</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next event, or null when the stream ended.</summary>
    public async Task<(string? Id, string Data)?> ReadAsync(CancellationToken cancellationToken)
    {
        string? id = null;
        var data = new StringBuilder();
        var any = false;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (any) return (id, data.ToString());
                continue;
            }
            any = true;
            if (line.StartsWith("id:", StringComparison.Ordinal))
                id = line[3..].TrimStart();
            else if (line.StartsWith("data:", StringComparison.Ordinal))
                data.Append(data.Length > 0 ? "\n" : "").Append(line[5..].TrimStart());
        }
        return any ? (id, data.ToString()) : null;
    }

    /// <summary>Every remaining event until the stream ends.</summary>
    public async Task<List<(string? Id, string Data)>> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var events = new List<(string? Id, string Data)>();
        while (await ReadAsync(cancellationToken) is { } next)
            events.Add(next);
        return events;
    }

    public void Dispose() => _reader.Dispose();
}
