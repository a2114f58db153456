using System.ClientModel;
using System.Globalization;
using System.Text.Json;

namespace McpOpenAI.Kernel.OpenAI;

/// <summary>What an OpenAI error response said: status, the envelope's fields, and the retry-after wait.</summary>
internal sealed record OpenAIErrorInfo(int Status, string? Message, string? Type, string? Code, string? Param, TimeSpan? RetryAfter)
{
    public static OpenAIErrorInfo From(ClientResultException exception)
    {
        var response = exception.GetRawResponse();
        string? message = null, type = null, code = null, param = null;
        TimeSpan? retryAfter = null;
        if (response is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Content.ToMemory());
                if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    message = Text(error, "message");
                    type = Text(error, "type");
                    code = Text(error, "code");
                    param = Text(error, "param");
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
            {
                // Not JSON (a proxy's HTML page, an unbuffered stream): keep the status alone.
            }
            retryAfter = RetryAfterOf(response.Headers);
        }
        return new OpenAIErrorInfo(exception.Status, message, type, code, param, retryAfter);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? RetryAfterOf(System.ClientModel.Primitives.PipelineResponseHeaders headers)
    {
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            return TimeSpan.FromMilliseconds(millis);
        if (headers.TryGetValue("retry-after", out var after))
        {
            if (double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                return date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
