using McpOpenAI.Kernel.Configuration;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Server.Hosting;

/// <summary>Checks the OpenAI settings at start, with messages that say which setting and how to fix it.</summary>
internal sealed class OpenAIOptionsValidator : IValidateOptions<OpenAIOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAIOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is { Length: > 0 } url &&
            (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"OpenAI:BaseUrl (OPENAI_BASE_URL) must be an absolute http(s) URL such as https://api.openai.com/v1; got '{url}'.");
        }
        if (options.MaxRetries is < 0 or > 10)
            failures.Add($"OpenAI:MaxRetries must be between 0 and 10; got {options.MaxRetries}.");
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromHours(1))
            failures.Add($"OpenAI:RequestTimeout must be a positive time span of at most 01:00:00; got {options.RequestTimeout}.");
        foreach (var (setting, value) in new[] { ("ChatModel", options.ChatModel), ("ImageModel", options.ImageModel), ("EmbeddingModel", options.EmbeddingModel), ("ModerationModel", options.ModerationModel) })
        {
            if (string.IsNullOrWhiteSpace(value))
                failures.Add($"OpenAI:{setting} must name a model (e.g. the default); it is empty.");
        }
        if (options.ApiKey is { } key && key.Trim() != key)
            failures.Add("OpenAI:ApiKey (OPENAI_API_KEY) has leading or trailing white space; copy the key again without it.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Checks the server settings at start.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var failures = new List<string>();
        if (options.PluginAssemblies.Count > 0 && !PluginAssemblyLoader.IsSupported)
            failures.Add(PluginAssemblyLoader.NotSupported);
        foreach (var assembly in options.PluginAssemblies)
        {
            if (!File.Exists(assembly))
                failures.Add($"Server:PluginAssemblies: the plugin assembly '{assembly}' does not exist.");
        }
        if (options.PromptsPath is { Length: > 0 } prompts && File.Exists(prompts))
            failures.Add($"Server:PromptsPath must be a folder; '{prompts}' is a file.");
        if (options.OutputFolder is { Length: > 0 } output && File.Exists(output))
            failures.Add($"Server:OutputFolder must be a folder; '{output}' is a file.");
        if (options.MaxWaitSeconds is < 0 or > Jobs.WaitSeconds.Maximum)
            failures.Add($"Server:MaxWaitSeconds must be between 0 and {Jobs.WaitSeconds.Maximum} (seconds); got {options.MaxWaitSeconds}.");
        if (options.JobRetention <= TimeSpan.Zero || options.JobRetention > TimeSpan.FromDays(365))
            failures.Add($"Server:JobRetention must be a positive time span of at most 365.00:00:00; got {options.JobRetention}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
