using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.State;
using McpOpenAI.Plugins.Support.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Plugins.Support;

/// <summary>Registers the <c>Support</c> plugin, made of the function classes of this assembly, and its JSON metadata.</summary>
public static class SupportPluginModule
{
    /// <summary>The plugin name (its tools keep their own snake_case names).</summary>
    public const string PluginName = "Support";

    /// <summary>Adds the plugin; its parts read their settings from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddSupportPlugin(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // One data layer shared by the plugin's parts (knowledge base, customers and orders, tickets).
        services.TryAddSingleton(sp => new SupportDatabase(SupportOptions.From(configuration), sp.GetRequiredService<AppPaths>().DataFolder,
            sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>()?.CreateLogger<SupportDatabase>(), sp.GetService<SharedState>()));
        KernelJson.AddTypes(SupportJson.Default);
        return services.AddPluginParts(PluginName, "Customer support for the sample company: knowledge base, customers, orders and tickets.",
            parts => parts.Add<CustomerFunctions>().Add<KnowledgeBaseFunctions>().Add<TicketFunctions>());
    }
}
