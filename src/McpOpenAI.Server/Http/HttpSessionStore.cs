using ModelContextProtocol.Server;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Server.Http;

/// <summary>The open sessions, with a cap and idle eviction.</summary>
internal sealed class HttpSessionStore(IOptions<HttpOptions> options, Features.LifecycleGate lifecycle, ILogger<HttpSessionStore> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, HttpSession> _sessions = new(StringComparer.Ordinal);
    private readonly HttpOptions _options = options.Value;

    public int Count => _sessions.Count;

    /// <summary>The MCP servers of the open sessions.</summary>
    public IEnumerable<McpServer> Servers => _sessions.Values.Select(s => s.Server);

    public bool TryGet(string id, [NotNullWhen(true)] out HttpSession? session) => _sessions.TryGetValue(id, out session);

    /// <summary>Adds a session; at the cap, closes the longest-idle one first. False when every session is busy.</summary>
    public async ValueTask<bool> TryAddAsync(HttpSession session)
    {
        while (_sessions.Count >= _options.MaxSessions)
        {
            var oldest = _sessions.Values.Where(s => s.IsIdle).OrderByDescending(s => s.IdleFor).FirstOrDefault();
            if (oldest is null)
                return false;
            logger.LogInformation("Session limit {Max} reached: closing the longest-idle session", _options.MaxSessions);
            await CloseAsync(oldest.Id).ConfigureAwait(false);
        }
        return _sessions.TryAdd(session.Id, session);
    }

    /// <summary>Removes and closes a session; false when there was none.</summary>
    public async ValueTask<bool> CloseAsync(string id)
    {
        if (!_sessions.TryRemove(id, out var session))
            return false;
        lifecycle.Forget(id);
        await session.DisposeAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Closes sessions idle longer than the timeout.</summary>
    public async Task EvictIdleAsync()
    {
        foreach (var session in _sessions.Values)
        {
            if (session.IsIdle && session.IdleFor > _options.IdleTimeout)
            {
                logger.LogDebug("Closing a session idle for {Idle}", session.IdleFor);
                await CloseAsync(session.Id).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _sessions.Keys.ToArray())
            await CloseAsync(id).ConfigureAwait(false);
    }
}
