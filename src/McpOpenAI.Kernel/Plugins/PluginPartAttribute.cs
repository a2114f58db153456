using System.Reflection;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// Marks a class as one part of a plugin that is made of several classes (e.g. the <c>OpenAI</c> plugin's
/// chat functions and image functions). <see cref="Hosting.KernelServiceCollectionExtensions.AddPluginParts"/>
/// composes every marked class of an assembly into one plugin.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PluginPartAttribute(string pluginName) : Attribute
{
    /// <summary>The plugin this class belongs to.</summary>
    public string PluginName { get; } = pluginName;

    /// <summary>The public classes of an assembly marked as parts of the plugin, in a stable order.</summary>
    public static IReadOnlyList<Type> PartsOf(string pluginName, Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetCustomAttribute<PluginPartAttribute>() is { } part && part.PluginName == pluginName)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
}
