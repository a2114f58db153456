using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Kernel.Hosting;

/// <summary>Registers the kernel and its plugins in a service collection.</summary>
public static class KernelServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="PluginKernel"/> built from every registered <see cref="PluginRegistration"/>
    /// and <see cref="IFunctionInvocationFilter"/> (filters run in registration order).
    /// </summary>
    public static IServiceCollection AddPluginKernel(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var kernel = new PluginKernel(sp, sp.GetServices<IFunctionInvocationFilter>());
            foreach (var registration in sp.GetServices<PluginRegistration>())
                kernel.Plugins.Add(registration.Create(sp));
            return kernel;
        });
        return services;
    }

    /// <summary>Adds a plugin class; its constructor's parameters come from the services.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The plugin name; by default the class name without a <c>Plugin</c> suffix.</param>
    public static IServiceCollection AddPlugin<T>(this IServiceCollection services, string? name = null)
        where T : class =>
        services.AddPlugin(typeof(T), name);

    /// <summary>
    /// Adds one plugin made of every public class in <paramref name="assembly"/> marked
    /// <c>[PluginPart(name)]</c>; nothing when there is none. Each part's constructor takes services.
    /// </summary>
    public static IServiceCollection AddPluginParts(this IServiceCollection services, string name, string? description, System.Reflection.Assembly assembly)
    {
        var parts = assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetCustomAttributes(typeof(PluginPartAttribute), false).OfType<PluginPartAttribute>().Any(a => a.PluginName == name))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
        if (parts.Length > 0)
        {
            services.AddSingleton(new PluginRegistration(name,
                sp => AIPlugin.FromObjects(name, description, parts.Select(t => ActivatorUtilities.GetServiceOrCreateInstance(sp, t)).ToArray())));
        }
        return services;
    }

    /// <summary>Adds a plugin class by type.</summary>
    public static IServiceCollection AddPlugin(this IServiceCollection services, Type pluginType, string? name = null)
    {
        var pluginName = name ?? Naming.DefaultPluginName(pluginType);
        services.AddSingleton(new PluginRegistration(pluginName,
            sp => AIPlugin.FromObject(ActivatorUtilities.GetServiceOrCreateInstance(sp, pluginType), pluginName)));
        return services;
    }
}
