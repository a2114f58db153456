namespace McpOpenAI.Server.Security;

/// <summary>
/// One bearer token (configuration <c>Http:Tokens:N</c>). Only the token's SHA-256 is stored; make it with
/// <c>mcp-openai hash-token</c>. Empty allow-lists mean every tool.
/// </summary>
public sealed class AccessToken
{
    /// <summary>Who holds the token; shown in logs and used as the caller's id (never the token itself).</summary>
    public string Name { get; set; } = "";

    /// <summary>The token's SHA-256, hexadecimal.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Tools the token may call: MCP tool names (<c>chat</c>) or <c>Plugin.function</c>.</summary>
    public List<string> AllowedTools { get; set; } = [];

    /// <summary>Plugins whose every tool the token may call.</summary>
    public List<string> AllowedPlugins { get; set; } = [];

    /// <summary>Tool calls a minute; 0 means no limit.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>True when the token may call every tool.</summary>
    public bool AllowsEverything => !_listsOnly && AllowedTools.Count == 0 && AllowedPlugins.Count == 0;

    /// <summary>True when the token may call at least one tool.</summary>
    public bool AllowsAnything => !_listsOnly || AllowedTools.Count > 0 || AllowedPlugins.Count > 0;

    // A configured token with empty lists may call everything; a caller whose grants come from an access token's
    // scopes may call only what they list, so none means none.
    private bool _listsOnly;

    /// <summary>A caller whose grants come from an access token: it may call only what the lists name.</summary>
    /// <param name="name">Who the caller is (the token's subject).</param>
    /// <param name="tools">Tools granted: MCP tool names or <c>Plugin.function</c>.</param>
    /// <param name="plugins">Plugins granted whole.</param>
    /// <param name="requestsPerMinute">Tool calls a minute; 0 means no limit.</param>
    public static AccessToken Granted(string name, IEnumerable<string> tools, IEnumerable<string> plugins, int requestsPerMinute) => new()
    {
        Name = name,
        AllowedTools = [.. tools],
        AllowedPlugins = [.. plugins],
        RequestsPerMinute = requestsPerMinute,
        _listsOnly = true,
    };

    /// <summary>A caller that may call every tool (an access token with the all-tools scope).</summary>
    /// <param name="name">Who the caller is.</param>
    /// <param name="requestsPerMinute">Tool calls a minute; 0 means no limit.</param>
    public static AccessToken Everything(string name, int requestsPerMinute) => new() { Name = name, RequestsPerMinute = requestsPerMinute };

    /// <summary>True when the token may call the tool.</summary>
    /// <param name="plugin">The plugin's name.</param>
    /// <param name="function">The function's name.</param>
    /// <param name="toolName">The MCP tool name, when known.</param>
    public bool Allows(string plugin, string function, string? toolName)
    {
        if (AllowsEverything) return true;
        if (AllowedPlugins.Contains(plugin, StringComparer.OrdinalIgnoreCase)) return true;
        var qualified = $"{plugin}.{function}";
        return AllowedTools.Any(t => string.Equals(t, qualified, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t, toolName, StringComparison.Ordinal)
            || string.Equals(t, function, StringComparison.Ordinal));
    }
}
