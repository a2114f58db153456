using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>A function with the unique, snake_case name it is offered under as a tool.</summary>
public sealed record NamedTool(KernelPlugin Plugin, KernelFunction Function, string ToolName);

/// <summary>
/// Gives every function a tool name unique across plugins: its own snake_case name where that is unique,
/// <c>{plugin}_{function}</c> where two plugins share a name. One rule for the MCP bridge and the agents.
/// </summary>
public static class ToolNaming
{
    /// <summary>Names every function of the plugins, in plugin then declaration order.</summary>
    public static IReadOnlyList<NamedTool> Assign(IEnumerable<KernelPlugin> plugins)
    {
        var all = plugins.SelectMany(p => p.Select(f => (Plugin: p, Function: f, Name: Naming.ToSnakeCase(f.Name).Replace('-', '_')))).ToList();
        var counts = all.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return all.Select(t => new NamedTool(t.Plugin, t.Function,
                counts[t.Name] > 1 ? $"{Naming.ToSnakeCase(t.Plugin.Name)}_{t.Name}" : t.Name))
            .ToArray();
    }
}
