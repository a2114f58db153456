using McpOpenAI.SemanticKernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.SemanticKernel;

/// <summary>Imports McpOpenAI's plugins into a Semantic Kernel app.</summary>
public static class McpOpenAIKernelBuilderExtensions
{
    /// <summary>
    /// Adds McpOpenAI's native plugins to the kernel, with the services they need (see
    /// <see cref="McpOpenAIServiceCollectionExtensions.AddMcpOpenAIPluginServices"/> for the configuration keys). Each plugin
    /// is the one the MCP server offers: the same plugin and function names, parameter schemas and JSON settings
    /// (snake_case results). When the model calls one of these functions through auto function calling, it gets the
    /// result as the same JSON an MCP client sees.
    /// </summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="configuration">The configuration to read.</param>
    /// <param name="plugins">Which plugins (<see cref="McpOpenAIPlugins"/>: Utility, Database, OpenAI, Research, Support); none means all.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">A name is not one of <see cref="McpOpenAIPlugins.All"/>.</exception>
    public static IKernelBuilder AddMcpOpenAIPlugins(this IKernelBuilder builder, IConfiguration configuration, params string[] plugins)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var registration in builder.Services.RegisterMcpOpenAIPlugins(configuration, plugins))
        {
            var imported = new ImportedPlugin(registration.Name);
            if (builder.Services.Any(d => d.ServiceType == typeof(ImportedPlugin) && !d.IsKeyedService && imported.Equals(d.ImplementationInstance)))
                continue;
            builder.Services.AddSingleton(imported);
            builder.Services.AddSingleton<KernelPlugin>(registration.Create);
        }
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAutoFunctionInvocationFilter, PluginResultJsonFilter>());
        return builder;
    }
}
