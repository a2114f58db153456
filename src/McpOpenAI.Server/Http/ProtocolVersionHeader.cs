using Microsoft.AspNetCore.Http;

namespace McpOpenAI.Server.Http;

/// <summary>
/// The server speaks one MCP revision (<see cref="ModelContextProtocol.Server.McpServerOptions.ProtocolVersion"/>, pinned
/// in the host), and the SDK's endpoint then refuses any other <c>MCP-Protocol-Version</c> header. A client that names an
/// earlier revision with the same initialize handshake is served in its session's negotiated revision, as before the SDK
/// endpoint: the header is set to that revision. Unknown values and 2026-07-28 and later still get the SDK's 400.
/// </summary>
internal sealed class ProtocolVersionHeader(string? served)
{
    private const string Header = "MCP-Protocol-Version";

    // The revisions that use the initialize handshake and Mcp-Session-Id, like the one served.
    private static readonly string[] EarlierHandshakeRevisions = ["2024-11-05", "2025-03-26", "2025-06-18"];

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (served is not null && context.Request.Headers[Header].ToString() is { Length: > 0 } version
            && version != served && EarlierHandshakeRevisions.Contains(version, StringComparer.Ordinal))
            context.Request.Headers[Header] = served;
        return next(context);
    }
}
