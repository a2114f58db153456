using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// Supplies a ready-made plugin, for functions a plugin class cannot express with methods: an
/// <see cref="Microsoft.Extensions.AI.AIFunction"/> with a hand-written input schema (<see cref="KernelFunctions.FromAIFunction"/>),
/// or MCP prompts whose messages carry images or resources (<see cref="PromptPlugin"/>). Hosts that load plugin
/// assemblies create every public provider class and add its plugin.
/// </summary>
public interface IPluginProvider
{
    /// <summary>Creates the plugin; <paramref name="services"/> are the application's services.</summary>
    KernelPlugin CreatePlugin(IServiceProvider services);
}
