using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Hosting;

/// <summary>Registers the kernel host, its plugins and the services plugin methods receive.</summary>
public static class KernelServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="KernelHost"/> whose kernel holds every registered <see cref="PluginRegistration"/>'s
    /// plugin and whose filters are the Semantic Kernel filters in the services; and the per-call services plugin methods
    /// take with <c>[FromKernelServices]</c>: <see cref="IProgress{T}"/> of <see cref="FunctionProgress"/> and <see cref="IUserInput"/>.
    /// </summary>
    public static IServiceCollection AddKernelHost(this IServiceCollection services)
    {
        services.AddSingleton<IProgress<FunctionProgress>>(AmbientProgress.Instance);
        services.AddSingleton<IUserInput>(AmbientUserInput.Instance);
        services.AddSingleton(sp => new KernelHost(sp, CreatePlugins(sp)));
        return services;
    }

    // The plugins are independent of each other, and making one is mostly first-call (JIT) work: two at a time (the caller
    // and one pool thread, leaving the pool's others to the transport) they are ready in about 60% of the time. A failure
    // surfaces as itself, not wrapped.
    private static KernelPlugin[] CreatePlugins(IServiceProvider services)
    {
        var registrations = services.GetServices<PluginRegistration>().ToArray();
        var plugins = new KernelPlugin[registrations.Length];
        try
        {
            Parallel.For(0, registrations.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => plugins[i] = registrations[i].Create(services));
        }
        catch (AggregateException ex)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }
        return plugins;
    }

    /// <summary>Adds a plugin class; its constructor's parameters come from the services.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The plugin name; by default the class name without a <c>Plugin</c> suffix.</param>
    public static IServiceCollection AddPlugin<T>(this IServiceCollection services, string? name = null)
        where T : class =>
        services.AddPlugin(typeof(T), name);

    /// <summary>Adds a plugin class by type.</summary>
    public static IServiceCollection AddPlugin(this IServiceCollection services, Type pluginType, string? name = null)
    {
        var pluginName = name ?? Naming.DefaultPluginName(pluginType);
        services.AddSingleton(new PluginRegistration(pluginName,
            sp => PluginFactory.Create(ActivatorUtilities.GetServiceOrCreateInstance(sp, pluginType), pluginName)));
        return services;
    }

    /// <summary>
    /// Adds one plugin made of every public class in <paramref name="assembly"/> marked
    /// <c>[PluginPart(name)]</c>; nothing when there is none. Each part's constructor takes services.
    /// </summary>
    public static IServiceCollection AddPluginParts(this IServiceCollection services, string name, string? description, System.Reflection.Assembly assembly)
    {
        var parts = PluginPartAttribute.PartsOf(name, assembly);
        if (parts.Count > 0)
        {
            services.AddSingleton(new PluginRegistration(name,
                sp => PluginFactory.Compose(name, description, parts.Select(t => ActivatorUtilities.GetServiceOrCreateInstance(sp, t)).ToArray())));
        }
        return services;
    }
}
