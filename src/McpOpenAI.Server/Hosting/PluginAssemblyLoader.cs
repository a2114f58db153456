using System.Runtime.Loader;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// Loads plugins from extra assemblies named in configuration: every public, concrete class with a public method
/// that carries <c>[KernelFunction]</c> becomes a plugin, and every public, concrete
/// <see cref="IPluginProvider"/> (created from the services) adds the plugin it makes — ready-made functions
/// such as hand-written schemas or prompts with images.
/// </summary>
internal static class PluginAssemblyLoader
{
    public static void AddPluginAssemblies(this IServiceCollection services, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
            foreach (var type in assembly.GetExportedTypes())
            {
                if (type is not { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
                    continue;
                if (typeof(IPluginProvider).IsAssignableFrom(type))
                {
                    var providerType = type;
                    services.AddSingleton(new PluginRegistration(type.Name,
                        sp => ((IPluginProvider)ActivatorUtilities.GetServiceOrCreateInstance(sp, providerType)).CreatePlugin(sp)));
                }
                else if (PluginFactory.IsPluginType(type))
                {
                    services.AddPlugin(type);
                }
            }
        }
    }
}
