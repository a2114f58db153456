using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Writes JSON bodies and OpenAI error envelopes.</summary>
internal static class FakeHttp
{
    public static async Task JsonAsync(HttpContext http, JsonNode body, int status = 200)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8, http.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext http, int status, string message, string? type = "invalid_request_error", string? code = null, string? param = null) =>
        JsonAsync(http, Envelope(message, type, code, param), status);

    public static JsonObject Envelope(string message, string? type, string? code, string? param) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["param"] = param,
            ["code"] = code,
        },
    };

    public static Task ModelNotFoundAsync(HttpContext http, string model) =>
        ErrorAsync(http, 404, $"The model `{model}` does not exist or you do not have access to it.", code: "model_not_found", param: "model");

    public static Task MissingAsync(HttpContext http, string param) =>
        ErrorAsync(http, 400, $"Missing required parameter: '{param}'.", code: "missing_required_parameter", param: param);

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N");

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static int CountTokens(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
