using McpOpenAI.Kernel.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Registers the image stores (also as resource providers) and the image settings.</summary>
public static class ImageServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ImageStore"/>, <see cref="ImageThreadStore"/> and <see cref="ImageOptions"/> from <c>OpenAI:Images</c>.</summary>
    public static IServiceCollection AddOpenAIImages(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(configuration.GetSection(ImageOptions.SectionName).Get<ImageOptions>() ?? new ImageOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ImageStore>();
        services.TryAddSingleton<ImageThreadStore>();
        services.AddSingleton<IResourceProvider>(sp => sp.GetRequiredService<ImageStore>());
        services.AddSingleton<IResourceProvider>(sp => sp.GetRequiredService<ImageThreadStore>());
        return services;
    }
}
