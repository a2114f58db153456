using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Plugins;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge;

/// <summary>What an MCP session offers the functions of one request: progress, its own model, forms, and who it is.</summary>
internal static class McpCallContext
{
    public static CallContext For(McpServer server, IProgress<FunctionProgress>? progress)
    {
        var caller = server.ClientCapabilities;
        return new CallContext
        {
            Progress = progress,
#pragma warning disable MCP9005 // Sampling is deprecated in the newest MCP revision but is what today's clients offer.
            CallerChatClient = caller?.Sampling is not null ? server.AsSamplingChatClient() : null,
#pragma warning restore MCP9005
            UserInput = McpUserInput.IsSupportedBy(caller) ? new McpUserInput(server) : null,
            Source = InvocationSource.Mcp,
            CallerId = Security.CallerContext.Current?.Name ?? server.SessionId,
        };
    }
}
