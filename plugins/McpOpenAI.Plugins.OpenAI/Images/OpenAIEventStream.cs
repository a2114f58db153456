using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>
/// The events of an OpenAI server-sent event stream, parsed by <see cref="SseParser"/>: each event's type (its JSON
/// <c>type</c>, else the SSE event name) and its JSON data. Events with no data and the chat API's <c>[DONE]</c> are skipped.
/// </summary>
internal static class OpenAIEventStream
{
    public static async IAsyncEnumerable<(string Type, JsonElement Data)> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parser = SseParser.Create(stream, static (_, data) => data.IsEmpty || data.SequenceEqual("[DONE]"u8) ? (JsonElement?)null : Parse(data));
        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Data is not { } data) continue;
            var type = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : item.EventType;
            yield return (type, data);
        }
    }

    private static JsonElement Parse(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        return JsonElement.ParseValue(ref reader);
    }
}
