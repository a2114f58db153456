using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Plugins.Database;

/// <summary>Registers the <c>Database</c> plugin and its JSON metadata; its <see cref="DatabaseOptions"/> come from the services.</summary>
public static class DatabasePluginModule
{
    /// <summary>Adds the plugin under <paramref name="name"/>.</summary>
    public static IServiceCollection AddDatabasePlugin(this IServiceCollection services, string name)
    {
        KernelJson.AddTypes(DatabaseJson.Default);
        return services.AddPlugin<DatabasePlugin>(name);
    }
}
