using McpOpenAI.Kernel.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>Registers the 3D model store, also as a resource provider.</summary>
public static class ThreeDServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ModelStore"/> (over the output folder) and serves its files as <c>model://</c> resources.</summary>
    public static IServiceCollection AddOpenAIThreeD(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ModelStore>();
        services.AddSingleton<IResourceProvider>(sp => sp.GetRequiredService<ModelStore>());
        return services;
    }
}
