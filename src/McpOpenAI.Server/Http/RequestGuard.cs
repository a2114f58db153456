using Microsoft.AspNetCore.Http;

namespace McpOpenAI.Server.Http;

/// <summary>
/// DNS-rebinding protection: a web page the user visits must not be able to reach a local server by pointing
/// its own name at 127.0.0.1. On loopback, Host and Origin must name loopback unless configured otherwise.
/// </summary>
internal sealed class RequestGuard(HttpOptions options, bool loopback)
{
    /// <summary>Why the request is refused, or null when it may proceed.</summary>
    public string? Check(HttpRequest request)
    {
        if (!HostAllowed(request.Host))
            return $"Forbidden: Host '{request.Host.Value}' is not allowed (Http:AllowedHosts).";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !OriginAllowed(origin))
            return $"Forbidden: Origin '{origin}' is not allowed (Http:AllowedOrigins).";
        return null;
    }

    private bool HostAllowed(HostString host)
    {
        if (options.AllowedHosts.Count == 0)
            return !loopback || (host.HasValue && ListenAddress.IsLoopbackHost(host.Host));
        return options.AllowedHosts.Any(a => a == "*"
            || string.Equals(a, host.Value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a, host.Host, StringComparison.OrdinalIgnoreCase));
    }

    private bool OriginAllowed(string origin)
    {
        if (options.AllowedOrigins.Count == 0)
            return !loopback || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && ListenAddress.IsLoopbackHost(uri.Host));
        return options.AllowedOrigins.Any(a => a == "*" || string.Equals(a.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Streamable HTTP clients must accept both JSON and event streams on POST.</summary>
    public static bool AcceptsPost(HttpRequest request) =>
        JsonRpcErrors.Accepts(request, "application/json") && JsonRpcErrors.Accepts(request, "text/event-stream");

    /// <summary>A GET opens an event stream, so the client must accept one.</summary>
    public static bool AcceptsEventStream(HttpRequest request) => JsonRpcErrors.Accepts(request, "text/event-stream");

    /// <summary>A missing MCP-Protocol-Version is allowed (2025-03-26 clients); an unknown one is not.</summary>
    public static bool ProtocolVersionSupported(HttpRequest request, out string version)
    {
        version = request.Headers[HeaderNames.ProtocolVersion].ToString();
        return version.Length == 0 || ProtocolVersions.Contains(version);
    }

    // The revisions that use the initialize handshake; 2026-07-28 and later have no sessions and are not served here.
    private static readonly string[] ProtocolVersions = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"];
}
