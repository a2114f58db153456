using McpOpenAI.Server.Security;

namespace McpOpenAI.Server.Http;

/// <summary>The Streamable HTTP endpoint's settings (configuration section <c>Http</c>).</summary>
public sealed class HttpOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Http";

    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:3001/mcp";

    /// <summary>Where to listen, path included; port 0 picks a free port.</summary>
    public string Url { get; set; } = DefaultUrl;

    /// <summary>Serve every request on its own short-lived server, with no session (for several instances behind a load balancer).</summary>
    public bool Stateless { get; set; }

    /// <summary>How long a session with no request in flight lives before it is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most idle sessions kept at once; past it, the longest-idle sessions are closed to make room. Sessions with a request in flight do not count.</summary>
    public int MaxSessions { get; set; } = 1000;

    /// <summary>Host header values accepted (host or host:port); empty means the loopback names only.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Origin header values accepted (scheme://host[:port]); empty means loopback origins only. Requests without Origin are accepted.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Serve a non-loopback address with no tokens configured. Off by default: anyone who can reach the port could call every tool.</summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>How long shutdown waits for running calls to finish.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Keep each session's stream events in memory so a client that lost a stream (a dropped connection, a proxy
    /// timeout) can resume it with <c>Last-Event-ID</c> and receive what it missed. Stateful mode only.
    /// </summary>
    public bool ResumableStreams { get; set; } = true;

    /// <summary>How long an event stays available for resumption after it was written.</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most bytes of events kept for resumption across all sessions (in memory); when full, the oldest go first.</summary>
    public long EventStoreSizeLimit { get; set; } = 64L * 1024 * 1024;

    /// <summary>The largest request body accepted; larger ones get 413. Room for a 20 MiB image sent inline as base64.</summary>
    public long MaxRequestBodySize { get; set; } = 32L * 1024 * 1024;

    /// <summary>OAuth access tokens (JWTs) from an identity provider, besides or instead of the configured tokens.</summary>
    public JwtOptions Jwt { get; set; } = new();
}
