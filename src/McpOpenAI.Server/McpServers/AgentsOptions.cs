namespace McpOpenAI.Server.McpServers;

/// <summary>Settings for the agents (configuration section <c>Agents</c>).</summary>
public sealed class AgentsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Agents";

    /// <summary>Other MCP servers whose tools agents may call, each a plugin named after it.</summary>
    public List<McpServerOptions> McpServers { get; set; } = [];
}
