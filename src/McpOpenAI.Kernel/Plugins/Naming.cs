using System.Text.Json;
using System.Text.RegularExpressions;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>Name rules shared by plugins, functions and the hosts that expose them.</summary>
public static partial class Naming
{
    /// <summary>snake_case of a .NET name: <c>GenerateImageAsync</c> → <c>generate_image</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        if (name.EndsWith("Async", StringComparison.Ordinal) && name.Length > 5)
            name = name[..^5];
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
    }

    /// <summary>A plugin class's default name: the type name without a <c>Plugin</c> suffix.</summary>
    public static string DefaultPluginName(Type type) =>
        type.Name.EndsWith("Plugin", StringComparison.Ordinal) && type.Name.Length > 6 ? type.Name[..^6] : type.Name;

    /// <summary>True for a valid plugin name (Semantic Kernel's rule: letters, digits, underscore).</summary>
    public static bool IsValidPluginName(string name) => PluginNameRegex().IsMatch(name);

    /// <summary>True for a valid function name (letters, digits, underscore, hyphen).</summary>
    public static bool IsValidFunctionName(string name) => FunctionNameRegex().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex PluginNameRegex();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex FunctionNameRegex();
}
