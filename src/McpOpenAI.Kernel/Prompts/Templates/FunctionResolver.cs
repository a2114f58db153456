using System.Text.Json;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>Finds the function a template names, and the names of its parameters.</summary>
internal static class FunctionResolver
{
    /// <summary>
    /// Resolves <c>plugin.function</c>, or an unqualified <c>function</c>: the template's own plugin first,
    /// then the first plugin (by name) that has it, as Semantic Kernel does.
    /// </summary>
    public static bool TryResolve(IReadOnlyList<AIPlugin> plugins, string ownPlugin, string? pluginName, string functionName,
        out AIPlugin plugin, out AIFunction function)
    {
        IEnumerable<AIPlugin> candidates = pluginName is null
            ? plugins.Where(p => string.Equals(p.Name, ownPlugin, StringComparison.OrdinalIgnoreCase))
                .Concat(plugins.Where(p => !string.Equals(p.Name, ownPlugin, StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.Name, StringComparer.Ordinal))
            : plugins.Where(p => string.Equals(p.Name, pluginName, StringComparison.OrdinalIgnoreCase));
        foreach (var candidate in candidates)
        {
            if (candidate.TryGetFunction(functionName, out function))
            {
                plugin = candidate;
                return true;
            }
        }
        plugin = null!;
        function = null!;
        return false;
    }

    /// <summary>The function's parameter names, in schema order; the first takes a positional argument.</summary>
    public static IReadOnlyList<string> Parameters(AIFunction function) =>
        function is PromptFunction prompt
            ? prompt.InputVariables.Select(v => v.Name).ToArray()
            : function.JsonSchema.ValueKind == JsonValueKind.Object
              && function.JsonSchema.TryGetProperty("properties", out var properties)
              && properties.ValueKind == JsonValueKind.Object
                ? properties.EnumerateObject().Select(p => p.Name).ToArray()
                : [];
}
