using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Plugins.OpenAI;

/// <summary>Registers the <c>OpenAI</c> plugin, made of the function classes of this assembly, and its JSON metadata.</summary>
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
        KernelJson.AddTypes(OpenAIJson.Default);
        return services.AddPluginParts(PluginName, "OpenAI: chat (streamed), vision, image generation and editing, 3D models, moderation, embeddings, models and configuration.",
            parts => parts.Add<Chat.ChatFunctions>().Add<Chat.EmbeddingFunctions>().Add<Chat.ModerationFunctions>()
                .Add<Configuration.ConfigurationFunctions>().Add<Configuration.ModelsFunctions>()
                .Add<Images.BatchFunctions>().Add<Images.ImageFunctions>().Add<Images.ImageVariationFunctions>()
                .Add<ThreeD.ThreeDModelFunctions>());
    }
}
