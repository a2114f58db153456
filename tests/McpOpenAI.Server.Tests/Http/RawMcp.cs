using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace McpOpenAI.Server.Tests.Http;

/// <summary>Hand-made Streamable HTTP requests, for the header rules a well-behaved client never breaks.</summary>
internal static class RawMcp
{
    public const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    public const string ListTools = """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

    public static HttpRequestMessage Post(Uri endpoint, string body, string accept = "application/json, text/event-stream",
        string? sessionId = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (sessionId is not null)
            request.Headers.Add("Mcp-Session-Id", sessionId);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>The message of a JSON-RPC error body.</summary>
    public static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("error").GetProperty("message").GetString() ?? "";
    }

    /// <summary>Initializes a session and returns its id.</summary>
    public static async Task<string> StartSessionAsync(HttpClient http, Uri endpoint, CancellationToken ct, string? token = null)
    {
        using var response = await http.SendAsync(Post(endpoint, Initialize, token: token), ct);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Mcp-Session-Id").Single();
    }
}
