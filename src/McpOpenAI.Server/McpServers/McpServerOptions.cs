namespace McpOpenAI.Server.McpServers;

/// <summary>
/// Another MCP server whose tools agents may call (configuration <c>Agents:McpServers:N</c>): a name, and either a
/// command to start over stdio or the URL of a Streamable HTTP (or SSE) endpoint.
/// </summary>
public sealed class McpServerOptions
{
    /// <summary>The plugin name its tools get in the kernel (letters, digits, underscores), e.g. <c>GitHub</c>; agents name it in <c>tools:</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The program to start (stdio), e.g. <c>npx</c> or <c>dotnet</c>.</summary>
    public string? Command { get; set; }

    /// <summary>The program's arguments (stdio).</summary>
    public List<string> Arguments { get; set; } = [];

    /// <summary>Environment variables to set for the program (stdio); it also inherits this server's environment.</summary>
    public Dictionary<string, string?> Environment { get; set; } = [];

    /// <summary>The folder to start the program in (stdio); default: this server's current folder.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>The server's URL (HTTP), e.g. <c>https://example.com/mcp</c>.</summary>
    public string? Url { get; set; }

    /// <summary>Headers to send with every HTTP request (HTTP), e.g. <c>Authorization</c>.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>How long to wait for the server to start and answer <c>initialize</c>, in seconds (default 30).</summary>
    public int ConnectTimeoutSeconds { get; set; } = 30;

    /// <summary>How long one tool call may take, in seconds, before it fails with a timeout (default 120).</summary>
    public int ToolTimeoutSeconds { get; set; } = 120;
}
