using System.Diagnostics.CodeAnalysis;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Hosting;

/// <summary>Registers the kernel host, its plugins and the services plugin methods receive.</summary>
public static class KernelServiceCollectionExtensions
{
    /// <summary>What a plugin class needs kept in a trimmed or NativeAOT build: its constructors (for the services) and its methods.</summary>
    public const DynamicallyAccessedMemberTypes PluginMembers = DynamicallyAccessedMemberTypes.PublicConstructors | PluginFactory.Methods;

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

    // The plugins are independent of each other, so they are made side by side.
    private static KernelPlugin[] CreatePlugins(IServiceProvider services)
    {
        var registrations = services.GetServices<PluginRegistration>().ToArray();
        var plugins = new KernelPlugin[registrations.Length];
        TwoAtATime.For(registrations.Length, i => plugins[i] = registrations[i].Create(services));
        return plugins;
    }

    /// <summary>Adds a plugin class; its constructor's parameters come from the services.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The plugin name; by default the class name without a <c>Plugin</c> suffix.</param>
    public static IServiceCollection AddPlugin<[DynamicallyAccessedMembers(PluginMembers)] T>(this IServiceCollection services, string? name = null)
        where T : class
    {
        var pluginName = name ?? Naming.DefaultPluginName(typeof(T));
        services.AddSingleton(new PluginRegistration(pluginName,
            sp => PluginFactory.Create(ActivatorUtilities.GetServiceOrCreateInstance<T>(sp), pluginName)));
        return services;
    }

    /// <summary>
    /// Adds one plugin made of several classes, its parts (e.g. the <c>OpenAI</c> plugin's chat functions and image
    /// functions), in the order <paramref name="parts"/> adds them. Each part's constructor takes services.
    /// </summary>
    public static IServiceCollection AddPluginParts(this IServiceCollection services, string name, string? description, Action<PluginParts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var added = new PluginParts();
        parts(added);
        services.AddSingleton(new PluginRegistration(name,
            sp => PluginFactory.Compose(name, description, [.. added.Factories.Select(create => create(sp))])));
        return services;
    }
}

/// <summary>The parts of a plugin made of several classes (<see cref="KernelServiceCollectionExtensions.AddPluginParts"/>).</summary>
public sealed class PluginParts
{
    internal List<Func<IServiceProvider, IReadOnlyList<KernelFunction>>> Factories { get; } = [];

    /// <summary>Adds a part: a class with kernel functions, created from the services.</summary>
    public PluginParts Add<[DynamicallyAccessedMembers(KernelServiceCollectionExtensions.PluginMembers)] T>()
        where T : class
    {
        Factories.Add(sp => PluginFactory.Functions(ActivatorUtilities.GetServiceOrCreateInstance<T>(sp)));
        return this;
    }
}
