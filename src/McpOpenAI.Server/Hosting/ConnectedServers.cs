using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, McpServer> _sessions = new(StringComparer.Ordinal);

    /// <summary>Every connected server.</summary>
    public IEnumerable<McpServer> All
    {
        get
        {
            if (_single.Value is { } single)
                yield return single;
            foreach (var server in _sessions.Values)
                yield return server;
        }
    }

    /// <summary>The server of an HTTP session, or the single server (whose session id is empty or null).</summary>
    public McpServer? Find(string? sessionId) =>
        string.IsNullOrEmpty(sessionId) ? _single.Value : _sessions.GetValueOrDefault(sessionId);

    /// <summary>Counts an HTTP session's server as connected until the returned scope is disposed (when the session ends).</summary>
    public IDisposable Track(string sessionId, McpServer server)
    {
        _sessions[sessionId] = server;
        return new Session(this, sessionId);
    }

    private sealed class Session(ConnectedServers owner, string sessionId) : IDisposable
    {
        public void Dispose() => owner._sessions.TryRemove(sessionId, out _);
    }
}
