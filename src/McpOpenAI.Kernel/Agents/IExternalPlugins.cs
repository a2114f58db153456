namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// Plugins that join the kernel from outside once they are reachable (another MCP server's tools, connected in the
/// background), so an agent may name them before they arrive and learns why when they are missing.
/// </summary>
public interface IExternalPlugins
{
    /// <summary>
    /// Null when <paramref name="pluginName"/> is not an external plugin; else a sentence on its state
    /// ("connecting", "could not start: …"), for the error an agent gives when the plugin is not in the kernel.
    /// </summary>
    string? StatusOf(string pluginName);
}
