using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

/// <summary>One MCP session over HTTP: its transport, its server, who opened it and when it was last used.</summary>
internal sealed class HttpSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _closed = new();
    private int _activeRequests;
    private int _getStarted;
    private int _disposed;

    public HttpSession(string id, StreamableHttpServerTransport transport, McpServer server, string? owner, TimeProvider time)
    {
        Id = id;
        Transport = transport;
        Server = server;
        Owner = owner;
        Time = time;
        LastActivity = time.GetTimestamp();
    }

    public string Id { get; }

    public StreamableHttpServerTransport Transport { get; }

    public McpServer Server { get; }

    /// <summary>The name of the token that opened the session; later requests must carry the same one.</summary>
    public string? Owner { get; }

    /// <summary>The server's message loop; set once started.</summary>
    public Task RunTask { get; set; } = Task.CompletedTask;

    /// <summary>Cancelled when the session closes.</summary>
    public CancellationToken Closed => _closed.Token;

    public long LastActivity { get; private set; }

    public bool IsIdle => Volatile.Read(ref _activeRequests) == 0;

    private TimeProvider Time { get; }

    /// <summary>Marks a request in flight until the returned scope is disposed, so the session is not evicted under it.</summary>
    public Scope Enter()
    {
        Interlocked.Increment(ref _activeRequests);
        LastActivity = Time.GetTimestamp();
        return new Scope(this);
    }

    /// <summary>Only one standalone GET stream per session.</summary>
    public bool TryStartGet() => Interlocked.Exchange(ref _getStarted, 1) == 0;

    public TimeSpan IdleFor => Time.GetElapsedTime(LastActivity);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            // The transport first, so the message loop ends on a completed reader rather than a cancellation.
            await Transport.DisposeAsync().ConfigureAwait(false);
            await _closed.CancelAsync().ConfigureAwait(false);
            await RunTask.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation when the session closes.
        }
        finally
        {
            await Server.DisposeAsync().ConfigureAwait(false);
            _closed.Dispose();
        }
    }

    /// <summary>One request in flight.</summary>
    public readonly struct Scope(HttpSession session) : IDisposable
    {
        public void Dispose()
        {
            session.LastActivity = session.Time.GetTimestamp();
            Interlocked.Decrement(ref session._activeRequests);
        }
    }
}
