using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Features;

/// <summary>
/// The MCP server bound to the tool call in progress (its notifications travel with that call's response),
/// so that log lines written during the call can reach the client that made it.
/// </summary>
internal static class CurrentMcpRequest
{
    private static readonly AsyncLocal<McpServer?> CurrentServer = new();

    public static McpServer? Server
    {
        get => CurrentServer.Value;
        set => CurrentServer.Value = value;
    }

    /// <summary>A <c>tools/call</c> filter that sets <see cref="Server"/> for the call.</summary>
    public static McpRequestHandler<ModelContextProtocol.Protocol.CallToolRequestParams, ModelContextProtocol.Protocol.CallToolResult> Track(
        McpRequestHandler<ModelContextProtocol.Protocol.CallToolRequestParams, ModelContextProtocol.Protocol.CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            var previous = Server;
            Server = request.Server;
            try
            {
                return await next(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Server = previous;
            }
        };
}
