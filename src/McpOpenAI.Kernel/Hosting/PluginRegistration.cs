using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Hosting;

/// <summary>A plugin to create when the kernel is built: a name and a factory.</summary>
/// <param name="Name">The plugin name.</param>
/// <param name="Create">Makes the plugin from the application's services.</param>
public sealed record PluginRegistration(string Name, Func<IServiceProvider, KernelPlugin> Create);
