using McpOpenAI.Kernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Plugins.OpenAI;

/// <summary>Registers the <c>OpenAI</c> plugin: every class of this assembly marked <c>[PluginPart("OpenAI")]</c>.</summary>
public static class OpenAIPluginModule
{
    /// <summary>The plugin name (its tools keep their own snake_case names).</summary>
    public const string PluginName = "OpenAI";

    /// <summary>Adds the plugin; its parts read their settings from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddOpenAIPlugin(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Images.ImageServiceCollectionExtensions.AddOpenAIImages(services, configuration);
        ThreeD.ThreeDServiceCollectionExtensions.AddOpenAIThreeD(services);
        return services.AddPluginParts(PluginName, "OpenAI: chat (streamed), vision, image generation and editing, 3D models, moderation, embeddings, models and configuration.", typeof(OpenAIPluginModule).Assembly);
    }
}
