using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Http;

/// <summary>Writes HTTP-level failures as JSON-RPC error bodies, as MCP clients expect.</summary>
internal static class JsonRpcErrors
{
    private static readonly JsonTypeInfo<JsonRpcError> ErrorType =
        (JsonTypeInfo<JsonRpcError>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError));

    /// <summary>The JSON-RPC message type, for reading request bodies.</summary>
    public static JsonTypeInfo<JsonRpcMessage> MessageType { get; } =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    /// <summary>Answers with <paramref name="status"/> and a JSON-RPC error (code -32000 unless given).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string message, int code = -32000, RequestId id = default)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonRpcError { Id = id, Error = new JsonRpcErrorDetail { Code = code, Message = message } };
        await JsonSerializer.SerializeAsync(context.Response.Body, error, ErrorType, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>True when the media type is in the Accept header, exactly or by wildcard.</summary>
    public static bool Accepts(HttpRequest request, string mediaType)
    {
        var slash = mediaType.IndexOf('/');
        foreach (var value in request.GetTypedHeaders().Accept)
        {
            var accepted = value.MediaType.Value;
            if (accepted is null) continue;
            if (accepted == "*/*" || string.Equals(accepted, mediaType, StringComparison.OrdinalIgnoreCase)
                || string.Equals(accepted, mediaType[..slash] + "/*", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
