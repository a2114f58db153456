namespace McpOpenAI.Kernel.Hosting;

/// <summary>
/// The folders the application uses, with the defaults resolved: prompt files, state (databases, threads,
/// indexes) and generated files. Plugins take this from the services.
/// </summary>
public sealed class AppPaths
{
    /// <summary>Resolves the folders; null means the default.</summary>
    public AppPaths(string? promptsPath = null, string? outputFolder = null, string? dataFolder = null)
    {
        PromptsPath = Full(promptsPath) ?? DefaultPromptsPath();
        DataFolder = Full(dataFolder) ?? Path.Combine(XdgDataHome(), "mcp-openai");
        OutputFolder = Full(outputFolder) ?? DefaultOutputFolder(DataFolder);
    }

    /// <summary>The prompt-file folder.</summary>
    public string PromptsPath { get; }

    /// <summary>Where state lives.</summary>
    public string DataFolder { get; }

    /// <summary>Where generated files go.</summary>
    public string OutputFolder { get; }

    /// <summary>The per-user configuration file that <c>configure</c> writes.</summary>
    public static string UserConfigFile =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"), "mcp-openai", "config.json");

    private static string? Full(string? path) =>
        string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(Environment.ExpandEnvironmentVariables(path.Trim()));

    // A checkout's prompts/ wins over the copy beside the program, so edits to the repo's files take effect.
    private static string DefaultPromptsPath()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), "prompts");
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "prompts");
    }

    private static string DefaultOutputFolder(string dataFolder)
    {
        var desktop = Environment.GetFolderPath(Environment.SpecialFolder.DesktopDirectory);
        return !string.IsNullOrEmpty(desktop) && Directory.Exists(desktop) ? desktop : Path.Combine(dataFolder, "images");
    }

    private static string XdgDataHome() =>
        Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
}
