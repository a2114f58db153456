using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// Makes Semantic Kernel plugins from plugin classes (public methods with <c>[KernelFunction]</c> and
/// <c>[Description]</c>), with the JSON settings every function result and schema uses (<see cref="KernelJson.Options"/>).
/// The class is a type argument, so a trimmed or NativeAOT build keeps the methods Semantic Kernel finds by reflection.
/// </summary>
public static class PluginFactory
{
    /// <summary>What Semantic Kernel reads of a plugin class: its methods, public and not.</summary>
    public const DynamicallyAccessedMemberTypes Methods = DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods;

    /// <summary>A plugin from one object's kernel functions.</summary>
    /// <param name="target">The plugin instance.</param>
    /// <param name="name">The plugin name; by default the type name without a <c>Plugin</c> suffix.</param>
    public static KernelPlugin Create<[DynamicallyAccessedMembers(Methods)] T>(T target, string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(target);
        var plugin = KernelPluginFactory.CreateFromObject(target, KernelJson.Options, name ?? Naming.DefaultPluginName(target.GetType()));
        return plugin.FunctionCount > 0 ? plugin
            : throw new ArgumentException($"Type {target.GetType().Name} has no public method with [KernelFunction]; it cannot be a plugin.", nameof(target));
    }

    /// <summary>The kernel functions of one part of a plugin made of several classes (see <see cref="Compose"/>).</summary>
    public static IReadOnlyList<KernelFunction> Functions<[DynamicallyAccessedMembers(Methods)] T>(T part)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(part);
        return [.. KernelPluginFactory.CreateFromObject(part, KernelJson.Options, Naming.DefaultPluginName(part.GetType()))];
    }

    /// <summary>One plugin made of the kernel functions of several parts (<see cref="Functions"/>), in their order.</summary>
    public static KernelPlugin Compose(string name, string? description, params IReadOnlyList<KernelFunction>[] parts)
    {
        var functions = parts.SelectMany(p => p).ToArray();
        if (functions.Length == 0)
            throw new ArgumentException($"Plugin '{name}' has no public method with [KernelFunction] in any of its parts.", nameof(parts));
        return KernelPluginFactory.CreateFromFunctions(name, description, functions);
    }

    /// <summary>True when a type has at least one kernel function (a public method with <c>[KernelFunction]</c>).</summary>
    public static bool IsPluginType([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Any(m => m.GetCustomAttribute<KernelFunctionAttribute>() is not null);

    /// <summary>The description a plugin class declares with <c>[Description]</c>, if any.</summary>
    public static string? DescriptionOf(Type type) => type.GetCustomAttribute<DescriptionAttribute>()?.Description;
}
