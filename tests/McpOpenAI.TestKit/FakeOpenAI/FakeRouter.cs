using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Checks the key, applies a waiting fault, and hands the request to its endpoint.</summary>
internal static class FakeRouter
{
    public static async Task DispatchAsync(FakeOpenAIServer server, HttpContext http, RecordedRequest request)
    {
        var path = request.Path.TrimEnd('/');
        if (request.Method == "GET" && path.StartsWith("/files/", StringComparison.Ordinal))
        {
            await ServeFileAsync(server, http, path["/files/".Length..]);
            return;
        }

        if (!await AuthorizeAsync(server, http)) return;
        if (request.Method == "POST") server.RateLimits?.Apply(http.Response);

        var fault = server.Faults.TryTake(FakeOpenAIServer.NormalizePath(path));
        if (fault is not null && !await ApplyAsync(server, http, fault)) return;
        if (fault?.Kind == FakeFaultKind.BrokenStream && request.Json?["stream"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
        {
            http.Abort();
            return;
        }

        if (request.Json is null && request.Body.Length > 0 && (http.Request.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            await FakeHttp.ErrorAsync(http, 400, "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)");
            return;
        }

        var body = request.Json as JsonObject ?? [];
        var task = (request.Method, path) switch
        {
            ("POST", "/v1/chat/completions") => ChatCompletionsEndpoint.HandleAsync(server, http, body, fault),
            ("POST", "/v1/images/generations") => ImagesEndpoint.GenerateAsync(server, http, body, fault),
            ("POST", "/v1/images/edits") => ImagesEndpoint.EditAsync(server, http, request, fault),
            ("POST", "/v1/images/variations") => ImagesEndpoint.VariationAsync(server, http, request),
            ("POST", "/v1/responses") => ResponsesEndpoint.CreateAsync(server, http, body, fault),
            ("GET", _) when path.StartsWith("/v1/responses/", StringComparison.Ordinal) => ResponsesEndpoint.GetAsync(server, http, path["/v1/responses/".Length..]),
            ("POST", "/v1/moderations") => ModerationsEndpoint.HandleAsync(server, http, body),
            ("POST", "/v1/embeddings") => EmbeddingsEndpoint.HandleAsync(server, http, body),
            ("GET", "/v1/models") => ModelsEndpoint.ListAsync(server, http),
            ("GET", _) when path.StartsWith("/v1/models/", StringComparison.Ordinal) => ModelsEndpoint.GetAsync(server, http, Uri.UnescapeDataString(path["/v1/models/".Length..])),
            _ => FakeHttp.ErrorAsync(http, 404, $"Invalid URL ({request.Method} {request.Path})"),
        };
        await task;
    }

    private static async Task<bool> AuthorizeAsync(FakeOpenAIServer server, HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header == "Bearer " + server.ApiKey) return true;
        var message = header.StartsWith("Bearer ", StringComparison.Ordinal) && header.Length > "Bearer ".Length
            ? $"Incorrect API key provided: {Mask(header["Bearer ".Length..])}. You can find your API key at https://platform.openai.com/account/api-keys."
            : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
        await FakeHttp.ErrorAsync(http, 401, message, code: "invalid_api_key");
        return false;
    }

    // The real API echoes a masked key with its last four characters; clients must not pass that on.
    private static string Mask(string key) =>
        key.Length <= 8 ? new string('*', key.Length) : key[..3] + new string('*', key.Length - 7) + key[^4..];

    /// <summary>Applies a fault; false when it produced the whole answer.</summary>
    private static async Task<bool> ApplyAsync(FakeOpenAIServer server, HttpContext http, FakeFault fault)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, server.Stopping);
        if (fault.Delay > TimeSpan.Zero && fault.Kind != FakeFaultKind.SlowStream) await Task.Delay(fault.Delay, linked.Token);
        switch (fault.Kind)
        {
            case FakeFaultKind.Hang:
                await Task.Delay(Timeout.Infinite, linked.Token);
                return false;
            case FakeFaultKind.Error:
                if (fault.RetryAfter is { } seconds)
                    http.Response.Headers["retry-after"] = Math.Ceiling(seconds.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                if (fault.RetryAfterMs is { } ms)
                    http.Response.Headers["retry-after-ms"] = ((long)ms.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                await FakeHttp.ErrorAsync(http, fault.StatusCode, fault.Message, fault.Type, fault.Code, fault.Param);
                return false;
            default:
                return true;
        }
    }

    private static async Task ServeFileAsync(FakeOpenAIServer server, HttpContext http, string name)
    {
        if (!server.Files.TryGetValue(name, out var bytes))
        {
            http.Response.StatusCode = 404;
            return;
        }
        http.Response.ContentType = "image/png";
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }
}
