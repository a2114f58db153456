using System.Collections.Concurrent;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Features;

/// <summary>
/// Keeps the MCP lifecycle for every session: until the client has sent <c>notifications/initialized</c>, the only
/// notifications it gets are those about its own requests (progress, cancellation) and log messages — never a
/// <c>list_changed</c> or <c>resources/updated</c>. Before <c>initialize</c> is answered the server sends nothing else.
/// </summary>
internal sealed class LifecycleGate
{
    private readonly ConcurrentDictionary<string, byte> _initialized = new(StringComparer.Ordinal);

    /// <summary>Installs the gate as the first incoming and the last outgoing message filter.</summary>
    public void Attach(McpServerOptions options)
    {
        options.Filters.Message.IncomingFilters.Insert(0, Incoming);
        options.Filters.Message.OutgoingFilters.Add(Outgoing);
    }

    /// <summary>Forgets a session that ended.</summary>
    public void Forget(string? sessionId) => _initialized.TryRemove(sessionId ?? "", out _);

    private McpMessageHandler Incoming(McpMessageHandler next) => (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcNotification { Method: NotificationMethods.InitializedNotification })
            _initialized[context.Server.SessionId ?? ""] = 0;
        return next(context, cancellationToken);
    };

    private McpMessageHandler Outgoing(McpMessageHandler next) => (context, cancellationToken) =>
        context.JsonRpcMessage is JsonRpcNotification { Method: var method }
            && !AllowedEarly(method) && !_initialized.ContainsKey(context.Server.SessionId ?? "")
            ? Task.CompletedTask
            : next(context, cancellationToken);

    // Logging is deprecated in the newest MCP revision, but today's clients (2025-11-25) use it.
    private static bool AllowedEarly(string method) => method is "notifications/message"
        or NotificationMethods.ProgressNotification or NotificationMethods.CancelledNotification;
}
