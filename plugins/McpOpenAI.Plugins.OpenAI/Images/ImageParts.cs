using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.State;
using McpOpenAI.Plugins.OpenAI.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Builds the image services a plugin part needs, sharing the registered stores when there are some.</summary>
internal static class ImageParts
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static ImageService CreateService(IServiceProvider services)
    {
        var paths = services.GetRequiredService<AppPaths>();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var store = services.GetService<ImageStore>() ?? new ImageStore(paths, time);
        var threads = services.GetService<ImageThreadStore>() ?? new ImageThreadStore(paths, time, services.GetService<SharedState>());
        var options = services.GetService<ImageOptions>()
            ?? services.GetService<IConfiguration>()?.GetSection(ImageOptions.SectionName).Get<ImageOptions>()
            ?? new ImageOptions();
        return new ImageService(services.GetRequiredService<OpenAIClientFactory>(), store, threads, ImageInputRules.Edits(store, Http), options);
    }
}
