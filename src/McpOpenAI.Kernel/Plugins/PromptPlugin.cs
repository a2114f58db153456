using System.Diagnostics.CodeAnalysis;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>A Semantic Kernel plugin whose functions may also be prompts (see <see cref="IPromptPlugin"/>).</summary>
public sealed class PromptPlugin : KernelPlugin, IPromptPlugin
{
    private readonly Dictionary<string, KernelFunction> _functions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PromptDescriptor> _prompts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the plugin; each function is given this plugin's name.</summary>
    /// <param name="name">The plugin name.</param>
    /// <param name="description">What the plugin is for.</param>
    /// <param name="functions">The functions, each with its prompt descriptor when it is also a prompt.</param>
    /// <param name="source">Where the plugin came from (a folder), for diagnostics.</param>
    public PromptPlugin(string name, string? description, IEnumerable<(KernelFunction Function, PromptDescriptor? Prompt)> functions, string? source = null)
        : base(name, description)
    {
        Source = source;
        foreach (var (function, prompt) in functions)
        {
            var own = function.PluginName == name ? function : function.Clone(name);
            if (!_functions.TryAdd(own.Name, own))
                throw new ArgumentException($"Plugin '{name}' has two functions named '{own.Name}'.", nameof(functions));
            if (prompt is not null)
                _prompts[own.Name] = prompt;
        }
    }

    /// <summary>Where the plugin came from, for diagnostics.</summary>
    public string? Source { get; }

    /// <inheritdoc />
    public override int FunctionCount => _functions.Count;

    /// <inheritdoc />
    public override bool TryGetFunction(string name, [NotNullWhen(true)] out KernelFunction? function) => _functions.TryGetValue(name, out function);

    /// <inheritdoc />
    public bool TryGetPrompt(string functionName, out PromptDescriptor prompt) => _prompts.TryGetValue(functionName, out prompt!);

    /// <inheritdoc />
    public override IEnumerator<KernelFunction> GetEnumerator() => _functions.Values.GetEnumerator();
}
