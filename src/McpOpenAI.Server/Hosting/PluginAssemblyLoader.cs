using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// Loads plugins from extra assemblies named in configuration: every public, concrete class with a public method
/// that carries <c>[KernelFunction]</c> becomes a plugin, and every public, concrete
/// <see cref="IPluginProvider"/> (created from the services) adds the plugin it makes — ready-made functions
/// such as hand-written schemas or prompts with images.
/// </summary>
/// <remarks>
/// A NativeAOT build cannot do this: it has no JIT to compile the loaded code and no metadata for types it did not
/// compile. Its project file sets <see cref="SwitchName"/> to false, so the compiler drops the loading code, and the
/// setting is refused at start by <see cref="ServerOptionsValidator"/>, naming it.
/// </remarks>
internal static class PluginAssemblyLoader
{
    /// <summary>The feature switch (an <see cref="AppContext"/> switch) that says whether plugin assemblies can load.</summary>
    public const string SwitchName = "McpOpenAI.Server.PluginAssemblies.IsSupported";

    private const string Why = "Loads plugin assemblies at run time and finds their plugins by reflection.";

    // The loading is reached only through IsSupported, a feature switch: a NativeAOT build sets it to false, and the compiler
    // then removes the branch (the native executable has none of this code), so nothing unsafe is left for it to warn about.
    private const string Guarded = "Only reached when IsSupported, a feature switch that NativeAOT builds set to false (the code is then removed).";

    /// <summary>False in a NativeAOT build (and wherever the switch is set to false).</summary>
    [FeatureSwitchDefinition(SwitchName)]
    public static bool IsSupported => !AppContext.TryGetSwitch(SwitchName, out var supported) || supported;

    /// <summary>What the server says when the setting is used where it cannot work.</summary>
    public const string NotSupported = "Server:PluginAssemblies: this mcp-openai is a native (NativeAOT) build, which cannot load plugin assemblies "
        + "at run time. Remove the setting, or run the framework-dependent build (the McpOpenAI.any tool package, or `dotnet mcp-openai.dll`).";

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Guarded)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = Guarded)]
    public static void AddPluginAssemblies(this IServiceCollection services, IEnumerable<string> paths)
    {
        if (IsSupported)
            Load(services, paths);
    }

    /// <summary>The resource providers of the assemblies at <paramref name="paths"/>, created from the services; none where loading is not supported.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Guarded)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = Guarded)]
    public static IResourceProvider[] ResourceProviders(IServiceProvider services, IEnumerable<string> paths) =>
        IsSupported ? CreateResourceProviders(services, paths) : [];

    [RequiresUnreferencedCode(Why)]
    [RequiresDynamicCode(Why)]
    private static IResourceProvider[] CreateResourceProviders(IServiceProvider services, IEnumerable<string> paths) =>
        [.. LoadAll(paths)
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IResourceProvider).IsAssignableFrom(t))
            .Select(t => (IResourceProvider)ActivatorUtilities.CreateInstance(services, t))];

    [RequiresUnreferencedCode(Why)]
    [RequiresDynamicCode(Why)]
    private static IEnumerable<Assembly> LoadAll(IEnumerable<string> paths) =>
        paths.Select(path => AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path)));

    [RequiresUnreferencedCode(Why)]
    [RequiresDynamicCode(Why)]
    private static void Load(IServiceCollection services, IEnumerable<string> paths)
    {
        foreach (var assembly in LoadAll(paths))
        {
            foreach (var type in assembly.GetExportedTypes())
            {
                if (type is not { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
                    continue;
                var pluginType = type;
                if (typeof(IPluginProvider).IsAssignableFrom(type))
                {
                    services.AddSingleton(new PluginRegistration(type.Name,
                        sp => ((IPluginProvider)ActivatorUtilities.GetServiceOrCreateInstance(sp, pluginType)).CreatePlugin(sp)));
                }
                else if (PluginFactory.IsPluginType(type))
                {
                    var name = Naming.DefaultPluginName(type);
                    services.AddSingleton(new PluginRegistration(name,
                        sp => PluginFactory.Create(ActivatorUtilities.GetServiceOrCreateInstance(sp, pluginType), name)));
                }
            }
        }
    }
}
