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

    /// <summary>
    /// How long a long-running tool call waits for its result before it answers with a job id, in seconds, when the
    /// call gives no <c>wait_seconds</c>; under the 60 s after which many clients give up. Default 45.
    /// </summary>
    public int MaxWaitSeconds { get; set; } = 45;

    /// <summary>How long a finished job's result can still be fetched with <c>get_job</c>. Default one day.</summary>
    public TimeSpan JobRetention { get; set; } = TimeSpan.FromDays(1);
}
