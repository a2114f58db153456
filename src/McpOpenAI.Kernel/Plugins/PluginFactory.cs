using System.ComponentModel;
using System.Reflection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// Makes Semantic Kernel plugins from plugin classes (public methods with <c>[KernelFunction]</c> and
/// <c>[Description]</c>), with the JSON settings every function result and schema uses (<see cref="KernelJson.Options"/>).
/// </summary>
public static class PluginFactory
{
    /// <summary>A plugin from one object's kernel functions.</summary>
    /// <param name="target">The plugin instance.</param>
    /// <param name="name">The plugin name; by default the type name without a <c>Plugin</c> suffix.</param>
    public static KernelPlugin Create(object target, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var type = target.GetType();
        var pluginName = name ?? Naming.DefaultPluginName(type);
        var plugin = KernelPluginFactory.CreateFromObject(target, KernelJson.Options, pluginName);
        if (plugin.FunctionCount == 0)
            throw new ArgumentException($"Type {type.Name} has no public method with [KernelFunction]; it cannot be a plugin.", nameof(target));
        return plugin;
    }

    /// <summary>One plugin made of the kernel functions of several objects (its parts).</summary>
    public static KernelPlugin Compose(string name, string? description, params object[] parts)
    {
        var functions = parts.SelectMany(p => KernelPluginFactory.CreateFromObject(p, KernelJson.Options, name)).ToArray();
        if (functions.Length == 0)
            throw new ArgumentException($"Plugin '{name}' has no public method with [KernelFunction] in any of its parts.", nameof(parts));
        return KernelPluginFactory.CreateFromFunctions(name, description, functions);
    }

    /// <summary>True when a type has at least one kernel function (a public method with <c>[KernelFunction]</c>).</summary>
    public static bool IsPluginType(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Any(m => m.GetCustomAttribute<KernelFunctionAttribute>() is not null);

    /// <summary>The description a plugin class declares with <c>[Description]</c>, if any.</summary>
    public static string? DescriptionOf(Type type) => type.GetCustomAttribute<DescriptionAttribute>()?.Description;
}
