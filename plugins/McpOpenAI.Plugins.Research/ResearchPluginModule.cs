using McpOpenAI.Kernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Plugins.Research;

/// <summary>Registers the <c>Research</c> plugin: every class of this assembly marked <c>[PluginPart("Research")]</c>.</summary>
public static class ResearchPluginModule
{
    /// <summary>The plugin name (its tools keep their own snake_case names).</summary>
    public const string PluginName = "Research";

    /// <summary>Adds the plugin; its parts read their settings from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddResearchPlugin(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddPluginParts(PluginName, "Research over a local document corpus (full-text search, reading) and OpenAI web search.", typeof(ResearchPluginModule).Assembly);
    }
}
