using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Reads server-sent events whose data is JSON; yields each event's type and payload.</summary>
internal static class SseReader
{
    public static async IAsyncEnumerable<(string Type, JsonElement Data)> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? eventName = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || line.Length == 0)
            {
                if (data.Length > 0 && data.ToString() != "[DONE]")
                {
                    using var document = JsonDocument.Parse(data.ToString());
                    var root = document.RootElement.Clone();
                    var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : eventName ?? "";
                    yield return (type, root);
                }
                data.Clear();
                eventName = null;
                if (line is null) yield break;
                continue;
            }
            if (line.StartsWith("event:", StringComparison.Ordinal)) eventName = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0) data.Append('\n');
                data.Append(line[5..].TrimStart());
            }
        }
    }
}
