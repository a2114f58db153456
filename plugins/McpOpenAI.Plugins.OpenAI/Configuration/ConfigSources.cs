using Microsoft.Extensions.Configuration;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>
/// Finds which configuration source supplies a setting. Sources are searched from the highest precedence down
/// (command line, environment, user config file, user secrets, appsettings.json), as the host adds them.
/// </summary>
internal static class ConfigSources
{
    /// <summary>A human name for the source that supplies <paramref name="key"/>, or null when none does.</summary>
    public static string? Supplying(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root) return configuration[key] is { Length: > 0 } ? "configuration" : null;
        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out var value) && !string.IsNullOrWhiteSpace(value))
                return Describe(provider, key, value);
        }
        return null;
    }

    /// <summary>True when the source named by <see cref="Supplying"/> outranks the per-user config file.</summary>
    public static bool OutranksUserConfig(string? source) =>
        source is not null && (source.StartsWith("environment", StringComparison.Ordinal) || source == "command line");

    // Provider types live in packages this plugin does not reference; their ToString names them and their file.
    private static string Describe(IConfigurationProvider provider, string key, string value)
    {
        var text = provider.ToString() ?? provider.GetType().Name;
        if (text.Contains("CommandLine", StringComparison.Ordinal)) return "command line";
        if (text.Contains("EnvironmentVariables", StringComparison.Ordinal))
        {
            var prefix = text.Contains("MCPOPENAI_", StringComparison.Ordinal) ? "MCPOPENAI_" : "";
            return $"environment ({prefix}{key.Replace(":", "__", StringComparison.Ordinal)})";
        }
        if (text.Contains("Memory", StringComparison.Ordinal))
        {
            var variable = key == "OpenAI:ApiKey" ? "OPENAI_API_KEY" : null;
            return variable is not null && Environment.GetEnvironmentVariable(variable) == value ? $"environment ({variable})" : "environment";
        }
        if (text.Contains("secrets.json", StringComparison.OrdinalIgnoreCase)) return "user secrets";
        if (text.Contains("appsettings", StringComparison.OrdinalIgnoreCase)) return "appsettings.json";
        if (text.Contains("config.json", StringComparison.OrdinalIgnoreCase)) return "user config file";
        return text;
    }
}
