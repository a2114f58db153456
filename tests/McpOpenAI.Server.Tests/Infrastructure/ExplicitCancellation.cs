using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Infrastructure;

/// <summary>
/// Starts a tools/call with a known request id and cancels it with an explicit <c>notifications/cancelled</c>,
/// as MCP clients do. (The C# client's high-level CallToolAsync does not send the notification when its token
/// is cancelled, so tests send it themselves to prove the server honours it.)
/// </summary>
internal static class ExplicitCancellation
{
    public static Task<JsonRpcResponse> StartCallAsync(McpSession client, string requestId, string tool, JsonObject arguments, string progressToken, CancellationToken cancellationToken) =>
        client.SendRequestAsync(new JsonRpcRequest
        {
            Id = new RequestId(requestId),
            Method = RequestMethods.ToolsCall,
            Params = new JsonObject
            {
                ["name"] = tool,
                ["arguments"] = arguments,
                ["_meta"] = new JsonObject { ["progressToken"] = progressToken },
            },
        }, cancellationToken);

    public static Task CancelAsync(McpSession client, string requestId, CancellationToken cancellationToken) =>
        client.SendMessageAsync(new JsonRpcNotification
        {
            Method = NotificationMethods.CancelledNotification,
            Params = new JsonObject { ["requestId"] = requestId, ["reason"] = "the user stopped it" },
        }, cancellationToken);
}
