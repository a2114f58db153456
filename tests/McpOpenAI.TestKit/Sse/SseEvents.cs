using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;

namespace McpOpenAI.TestKit.Sse;

/// <summary>Reads server-sent events in tests, with <see cref="SseParser"/>.</summary>
public static class SseEvents
{
    /// <summary>The events of a stream as they arrive (type, data, id); stop early by leaving the loop.</summary>
    public static IAsyncEnumerable<SseItem<string>> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        SseParser.Create(stream).EnumerateAsync(cancellationToken);

    /// <summary>Every event until the stream ends.</summary>
    public static async Task<List<SseItem<string>>> ReadAllAsync(Stream stream, CancellationToken cancellationToken) =>
        await ReadAsync(stream, cancellationToken).ToListAsync(cancellationToken);

    /// <summary>The events of a whole body whose data is JSON, as (event type, data); the chat API's <c>[DONE]</c> is left out.</summary>
    public static List<(string Event, JsonElement Data)> ParseJson(string body) =>
        [.. SseParser.Create(new MemoryStream(Encoding.UTF8.GetBytes(body))).Enumerate()
            .Where(e => e.Data != "[DONE]")
            .Select(e => (e.EventType, JsonElement.Parse(e.Data)))];
}
