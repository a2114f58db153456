using McpOpenAI.Server.Features;
using McpOpenAI.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

/// <summary>
/// Runs each MCP session the SDK opens (its <c>RunSessionHandler</c>): while the session lives its server is one of
/// the <see cref="ConnectedServers"/> that hear list changes and resource updates; when it ends, the lifecycle gate
/// forgets it. A stateless request's server lives for that request only and is not tracked.
/// </summary>
internal sealed class McpSessions(ConnectedServers connected, LifecycleGate lifecycle, ILogger<McpSessions> logger)
{
    public Task RunAsync(HttpContext context, McpServer server, CancellationToken closed)
    {
        if (server.SessionId is not { } sessionId)
            return server.RunAsync(closed);

        logger.LogDebug("Session started for {Caller}", context.User.Identity?.Name ?? "anonymous");
        // The message loop belongs to the session, not to the initialize request: run it outside that request's context
        // (its caller, its trace), as every later request's handlers run in their own.
        using (ExecutionContext.SuppressFlow())
            return Task.Run(() => RunTrackedAsync(sessionId, server, closed), CancellationToken.None);
    }

    private async Task RunTrackedAsync(string sessionId, McpServer server, CancellationToken closed)
    {
        using var _ = connected.Track(sessionId, server);
        try
        {
            await server.RunAsync(closed).ConfigureAwait(false);
        }
        finally
        {
            lifecycle.Forget(sessionId);
            logger.LogDebug("Session ended");
        }
    }
}
