using McpOpenAI.Server.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// The MCP servers connected to clients right now: the host's single server over stdio (or an in-process
/// stream), or one per open HTTP session. Server-initiated notifications that are not tied to a request go to all.
/// </summary>
internal sealed class ConnectedServers(IServiceProvider services)
{
    // Only a host with a transport in its services has a single server; over HTTP each session creates its own.
    private readonly Lazy<McpServer?> _single = new(() => services.GetService<ITransport>() is null ? null : services.GetService<McpServer>());

    /// <summary>Every connected server.</summary>
    public IEnumerable<McpServer> All
    {
        get
        {
            if (_single.Value is { } single)
                yield return single;
            foreach (var server in services.GetService<HttpSessionStore>()?.Servers ?? [])
                yield return server;
        }
    }

    /// <summary>The server of an HTTP session, or the single server (whose session id is empty or null).</summary>
    public McpServer? Find(string? sessionId) =>
        services.GetService<HttpSessionStore>() is { } sessions
            ? sessionId is not null && sessions.TryGet(sessionId, out var session) ? session.Server : null
            : _single.Value;
}
