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
}
