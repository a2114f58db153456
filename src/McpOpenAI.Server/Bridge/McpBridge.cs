using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge;

/// <summary>
/// Keeps the MCP tool and prompt lists equal to the kernel's functions. It knows no particular plugin:
/// a change to the kernel's plugins (a new prompt file, a removed one) changes the lists, and the MCP
/// server tells clients through <c>list_changed</c> notifications.
/// </summary>
internal sealed class McpBridge : IDisposable
{
    private readonly PluginKernel _kernel;
    private readonly ILogger<McpBridge> _logger;
    private readonly Lock _gate = new();

    public McpBridge(PluginKernel kernel, ILogger<McpBridge> logger)
    {
        _kernel = kernel;
        _logger = logger;
        Sync();
        _kernel.Plugins.Changed += OnPluginsChanged;
    }

    /// <summary>The tools the MCP server offers.</summary>
    public McpServerPrimitiveCollection<McpServerTool> Tools { get; } = new();

    /// <summary>The prompts the MCP server offers.</summary>
    public McpServerPrimitiveCollection<McpServerPrompt> Prompts { get; } = new();

    public void Dispose() => _kernel.Plugins.Changed -= OnPluginsChanged;

    private void OnPluginsChanged(object? sender, EventArgs e) => Sync();

    private void Sync()
    {
        lock (_gate)
        {
            var named = ToolNaming.Assign(_kernel.Plugins.Snapshot);
            SyncTools(named);
            SyncPrompts(named);
        }
    }

    private void SyncTools(IReadOnlyList<NamedTool> named)
    {
        var wanted = named.ToDictionary(t => t.ToolName, StringComparer.Ordinal);
        using var deferral = Tools.DeferChangedEvents();
        foreach (var existing in Tools.ToArray())
        {
            if (existing is not KernelFunctionTool tool || !wanted.TryGetValue(tool.ProtocolTool.Name, out var now) || !ReferenceEquals(now.Function, tool.Source.Function))
                Tools.Remove(existing);
        }
        foreach (var tool in named)
        {
            if (!Tools.TryGetPrimitive(tool.ToolName, out _))
                Tools.Add(new KernelFunctionTool(_kernel, tool, _logger));
        }
        _logger.LogDebug("Offering {Count} tools", Tools.Count);
    }

    private void SyncPrompts(IReadOnlyList<NamedTool> named)
    {
        var wanted = named.Where(t => KernelFunctionPrompt.CanServe(t.Function)).ToDictionary(t => t.ToolName, StringComparer.Ordinal);
        using var deferral = Prompts.DeferChangedEvents();
        foreach (var existing in Prompts.ToArray())
        {
            if (existing is not KernelFunctionPrompt prompt || !wanted.TryGetValue(prompt.ProtocolPrompt.Name, out var now) || !ReferenceEquals(now.Function, prompt.Source.Function))
                Prompts.Remove(existing);
        }
        foreach (var tool in wanted.Values)
        {
            if (!Prompts.TryGetPrimitive(tool.ToolName, out _))
                Prompts.Add(new KernelFunctionPrompt(_kernel, tool));
        }
    }
}
