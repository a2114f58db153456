namespace McpOpenAI.Server.Hosting;

/// <summary>Where the server finds prompt files and plugins and where it keeps what it makes.</summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Server";

    /// <summary>The prompt-file folder; default: <c>./prompts</c> when it exists, else the copy beside the program.</summary>
    public string? PromptsPath { get; set; }

    /// <summary>Where generated files go; default: the Desktop where one exists, else the XDG data folder.</summary>
    public string? OutputFolder { get; set; }

    /// <summary>Where state lives (databases, threads); default: the XDG data folder.</summary>
    public string? DataFolder { get; set; }

    /// <summary>Extra plugin assemblies (.dll paths) to load; their plugin classes become tools.</summary>
    public List<string> PluginAssemblies { get; set; } = [];
}
