using System.Text.Json;
using McpOpenAI.Server.Security;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Http;

/// <summary>
/// Marks a POST that carries a <c>tools/call</c> (with its JSON-RPC id) so the rate limiter counts tool calls, not
/// every MCP message. The body is buffered and read back from the start by the MCP endpoint; only callers with a
/// limit pay for that.
/// </summary>
internal static class ToolCallPeek
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Features.Get<AccessToken>() is { RequestsPerMinute: > 0 })
        {
            context.Request.EnableBuffering();
            if (await ReadToolCallIdAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false) is { } id)
                context.Features.Set(new ToolCallRequest(id));
            context.Request.Body.Position = 0;
        }
        await next(context).ConfigureAwait(false);
    }

    private static async Task<RequestId?> ReadToolCallIdAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String
                || method.GetString() != RequestMethods.ToolsCall || !root.TryGetProperty("id", out var id))
                return null;
            return id.ValueKind switch
            {
                JsonValueKind.String => new RequestId(id.GetString()!),
                JsonValueKind.Number when id.TryGetInt64(out var number) => new RequestId(number),
                _ => null,
            };
        }
        catch (JsonException)
        {
            // Not JSON: the MCP endpoint answers it with its own 400.
            return null;
        }
    }
}
