using System.ComponentModel;
using McpOpenAI.Plugins.OpenAI.Shared;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>What <c>get_config_status</c> returns. It never contains the key, only its fingerprint.</summary>
public sealed record ConfigStatus(
    [property: Description("True when an API key is set.")] bool Configured,
    [property: Description("Where the key comes from: environment (OPENAI_API_KEY), user config file, user secrets, appsettings.json, command line.")] string? KeySource,
    [property: Description("The key's fingerprint (sk-…abcd), never the key.")] string? KeyFingerprint,
    [property: Description("The endpoint in use.")] string BaseUrl,
    [property: Description("The OpenAI organization id, if set.")] string? OrganizationId,
    [property: Description("The OpenAI project id, if set.")] string? ProjectId,
    [property: Description("The default model of each use.")] IReadOnlyDictionary<string, string> Defaults,
    [property: Description("Where generated files go.")] string OutputFolder,
    [property: Description("The per-user config file that configure writes.")] string UserConfigFile,
    [property: Description("How often a transient failure is retried.")] int MaxRetries,
    [property: Description("The time allowed for one call, retries included, in seconds.")] double RequestTimeoutSeconds,
    [property: Description("The last OpenAI call that succeeded.")] CallRecord? LastSuccess,
    [property: Description("The last OpenAI call that failed.")] CallRecord? LastError,
    [property: Description("What to do next, when something needs doing.")] IReadOnlyList<string> Advice);
