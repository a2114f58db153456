using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Server.Bridge;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Http;

/// <summary>Writes what the HTTP layer refuses as JSON-RPC bodies, as MCP clients expect.</summary>
internal static class JsonRpcErrors
{
    private static readonly JsonTypeInfo<JsonRpcMessage> MessageType =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private static readonly JsonTypeInfo<CallToolResult> ToolResultType =
        (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));

    /// <summary>Answers with <paramref name="status"/> and a JSON-RPC error (code -32000 unless given).</summary>
    public static Task WriteAsync(HttpContext context, int status, string message, int code = -32000, RequestId id = default) =>
        WriteMessageAsync(context, status, new JsonRpcError { Id = id, Error = new JsonRpcErrorDetail { Code = code, Message = message } });

    /// <summary>
    /// Answers a <c>tools/call</c> with a tool error result (<c>isError: true</c>): what a model reads and acts on, where
    /// an HTTP status would be an opaque transport failure to the client.
    /// </summary>
    public static Task WriteToolErrorAsync(HttpContext context, RequestId id, FunctionException error) =>
        WriteMessageAsync(context, StatusCodes.Status200OK,
            new JsonRpcResponse { Id = id, Result = JsonSerializer.SerializeToNode(ToolErrors.ToResult(error), ToolResultType) });

    private static async Task WriteMessageAsync(HttpContext context, int status, JsonRpcMessage message)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, message, MessageType, context.RequestAborted).ConfigureAwait(false);
    }
}
