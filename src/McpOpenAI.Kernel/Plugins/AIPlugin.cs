using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// A named group of functions. Every function is a plain <see cref="AIFunction"/>, so a plugin can be
/// handed to any Microsoft.Extensions.AI chat client as tools, or imported into Semantic Kernel with
/// <c>AsKernelFunction()</c>, with no dependency on this server.
/// </summary>
public sealed class AIPlugin
{
    /// <summary>The key under which a function records the name of its plugin in its additional properties.</summary>
    public const string PluginNameKey = "mcpopenai.plugin";

    private readonly Dictionary<string, AIFunction> _byName;

    /// <summary>Creates a plugin from functions that already exist.</summary>
    public AIPlugin(string name, string? description, IEnumerable<AIFunction> functions, string? source = null)
    {
        if (!Naming.IsValidPluginName(name))
            throw new ArgumentException($"Plugin name '{name}' is invalid: use letters, digits and underscores only.", nameof(name));
        Name = name;
        Description = description ?? string.Empty;
        Source = source;
        Functions = functions.ToArray();
        _byName = new(StringComparer.OrdinalIgnoreCase);
        foreach (var function in Functions)
        {
            if (!_byName.TryAdd(function.Name, function))
                throw new ArgumentException($"Plugin '{name}' has two functions named '{function.Name}'.", nameof(functions));
        }
    }

    /// <summary>The plugin name (letters, digits, underscores), e.g. <c>OpenAI</c>.</summary>
    public string Name { get; }

    /// <summary>What the plugin is for.</summary>
    public string Description { get; }

    /// <summary>Where the plugin came from (a type name, a prompts folder); for diagnostics.</summary>
    public string? Source { get; }

    /// <summary>The functions, in declaration order.</summary>
    public IReadOnlyList<AIFunction> Functions { get; }

    /// <summary>Finds a function by name, ignoring case.</summary>
    public bool TryGetFunction(string name, out AIFunction function) => _byName.TryGetValue(name, out function!);

    /// <summary>
    /// Makes a plugin from an object's public methods that carry <see cref="System.ComponentModel.DescriptionAttribute"/>.
    /// </summary>
    /// <param name="target">The plugin instance.</param>
    /// <param name="name">The plugin name; by default the type name without a <c>Plugin</c> suffix.</param>
    public static AIPlugin FromObject(object target, string? name = null) => PluginFactory.Create(target, name);

    /// <summary>Makes one plugin from the public, described methods of several objects (its parts).</summary>
    public static AIPlugin FromObjects(string name, string? description, params object[] parts) => PluginFactory.Compose(name, description, parts);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Functions.Count} functions)";
}
