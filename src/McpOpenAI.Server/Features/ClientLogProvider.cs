using Microsoft.Extensions.Logging;

// MCP9005: logging/setLevel is deprecated in 2026-07-28, but this server speaks 2025-11-25, where it is how clients ask for logs.
#pragma warning disable MCP9005

namespace McpOpenAI.Server.Features;

/// <summary>
/// Forwards what functions log during a tool call to the calling client as <c>notifications/message</c>, at or
/// above the level the client chose with <c>logging/setLevel</c>. Plugins just use <see cref="ILogger"/>.
/// </summary>
internal sealed class ClientLogProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ClientLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class ClientLogger(string category) : ILogger
    {
        // The SDK's and ASP.NET Core's own lines are about the transport, not the call; forwarding them could loop.
        private readonly bool _forward = !category.StartsWith("ModelContextProtocol", StringComparison.Ordinal)
            && !category.StartsWith("Microsoft.", StringComparison.Ordinal);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            _forward && logLevel != LogLevel.None && CurrentMcpRequest.Server is { LoggingLevel: not null };

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || CurrentMcpRequest.Server is not { } server) return;
            using var provider = server.AsClientLoggerProvider();
            // The message only: exception details stay in the server's own log.
            provider.CreateLogger(category).Log(logLevel, eventId, state, null, (s, _) => formatter(s, null));
        }
    }
}
