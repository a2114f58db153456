using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Plugins.Research;

/// <summary>Registers the <c>Research</c> plugin, made of the function classes of this assembly, and its JSON metadata.</summary>
public static class ResearchPluginModule
{
    /// <summary>The plugin name (its tools keep their own snake_case names).</summary>
    public const string PluginName = "Research";

    /// <summary>Adds the plugin; its parts read their settings from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddResearchPlugin(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        KernelJson.AddTypes(ResearchJson.Default);
        return services.AddPluginParts(PluginName, "Research over a local document corpus (full-text search, reading) and OpenAI web search.",
            parts => parts.Add<DocumentFunctions>().Add<WebSearchFunctions>());
    }
}
