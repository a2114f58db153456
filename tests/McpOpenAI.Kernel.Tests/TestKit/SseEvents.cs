using System.Text.Json;

namespace McpOpenAI.Kernel.Tests.TestKit;

/// <summary>Splits an SSE body into (event name, JSON data) pairs.</summary>
internal static class SseEvents
{
    public static List<(string? Event, JsonElement Data)> Parse(string body)
    {
        var events = new List<(string?, JsonElement)>();
        foreach (var block in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            string? data = null;
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
                if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line["data: ".Length..];
            }
            if (data is not null && data != "[DONE]") events.Add((name, JsonDocument.Parse(data).RootElement.Clone()));
        }
        return events;
    }
}
