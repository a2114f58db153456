using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Features;

/// <summary>The MCP utilities beyond tools and prompts: client logging, completions, resource subscriptions.</summary>
internal static class McpFeatures
{
    /// <summary>Adds them; call after the bridge configures the server options (resources must be set up first).</summary>
    public static IServiceCollection AddMcpFeatures(this IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider, ClientLogProvider>();
        // Every level reaches the forwarder; it passes on only what the client asked for.
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(ClientLogProvider).FullName, null, LogLevel.Trace, null)));
        services.AddSingleton<ResourceSubscriptions>();
        services.AddSingleton<Kernel.Resources.IResourceProvider, PluginAssemblyResources>();
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<McpServerOptions>>(sp =>
            new Microsoft.Extensions.Options.ConfigureOptions<McpServerOptions>(o => Configure(o, sp.GetRequiredService<ResourceSubscriptions>())));
        return services;
    }

    private static void Configure(McpServerOptions options, ResourceSubscriptions subscriptions)
    {
        options.Filters.Request.CallToolFilters.Add(CurrentMcpRequest.Track);
        options.Capabilities ??= new ServerCapabilities();
        options.Capabilities.Completions ??= new CompletionsCapability();
        options.Handlers.CompleteHandler = PromptCompletions.CompleteAsync;

        options.Capabilities.Resources ??= new ResourcesCapability();
        options.Capabilities.Resources.Subscribe = true;
        options.Handlers.SubscribeToResourcesHandler = subscriptions.SubscribeAsync;
        options.Handlers.UnsubscribeFromResourcesHandler = subscriptions.UnsubscribeAsync;
    }
}
