namespace McpOpenAI.Server.McpServers;

/// <summary>How another MCP server is doing: connecting, connected with its tools, or failed (and why).</summary>
/// <param name="State">One word: <c>connecting</c>, <c>connected</c>, <c>failed</c>, or <c>misconfigured</c>.</param>
/// <param name="Message">A sentence for people: what happened and, when it failed, why.</param>
internal sealed record McpServerStatus(string State, string Message)
{
    public static McpServerStatus Connecting { get; } = new("connecting", "it is connecting; try again in a moment");

    public bool IsConnected => State == "connected";

    public bool IsBroken => State == "misconfigured";

    public bool IsFailed => State is "failed" or "misconfigured";

    public static McpServerStatus Connected(int tools) => new("connected", $"connected with {tools} tool(s)");

    public static McpServerStatus Failed(string reason) => new("failed", reason);

    public static McpServerStatus Broken(string problem) => new("misconfigured", problem);
}
