namespace McpOpenAI.Server.Http;

/// <summary>The Streamable HTTP headers MCP defines.</summary>
internal static class HeaderNames
{
    public const string SessionId = "Mcp-Session-Id";
    public const string ProtocolVersion = "MCP-Protocol-Version";
    public const string LastEventId = "Last-Event-ID";
}
