using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Plugins.Utility;

/// <summary>Registers the <c>Utility</c> plugin and its JSON metadata.</summary>
public static class UtilityPluginModule
{
    /// <summary>Adds the plugin under <paramref name="name"/>.</summary>
    public static IServiceCollection AddUtilityPlugin(this IServiceCollection services, string name)
    {
        KernelJson.AddTypes(UtilityJson.Default);
        return services.AddPlugin<UtilityPlugin>(name);
    }
}
