using System.ComponentModel;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>The OpenAI plugin's setup functions: <c>get_config_status</c> and <c>configure</c>.</summary>
public sealed class ConfigurationFunctions(OpenAIClientFactory factory, IConfiguration configuration, AppPaths paths)
{
    private const string ApiKeySetting = "OpenAI:ApiKey";

    private const string SaferWays =
        "Safer than this tool: set OPENAI_API_KEY in the 'env' block of your MCP client's server config, or store it with " +
        "'dotnet user-secrets set OpenAI:ApiKey <key>'. A key typed into a chat passes through the model's transcript (and the client's logs and history); " +
        "if you typed one here, consider rotating it at https://platform.openai.com/api-keys.";

    /// <summary>Says whether OpenAI is set up, where the key comes from, and how recent calls went.</summary>
    [KernelFunction("get_config_status")]
    [Description("Show the OpenAI setup: whether a key is configured and where it comes from (environment, user config file, user secrets), " +
        "its fingerprint only (sk-…abcd, never the key), base URL, organization, project, default models, output folder, and the last successful and failed calls.")]
    [FunctionTraits(Title = "OpenAI configuration status", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    public ConfigStatus GetConfigStatus()
    {
        var options = factory.Options;
        var log = CallLog.For(factory);
        var advice = new List<string>();
        if (!options.IsConfigured)
        {
            advice.Add("Set OPENAI_API_KEY in your MCP client's server 'env' block (safest), or 'dotnet user-secrets set OpenAI:ApiKey <key>', or use the configure tool.");
            advice.Add("Create a key at https://platform.openai.com/api-keys.");
        }
        else if (log.LastError is { } error && (log.LastSuccess is null || log.LastSuccess.At < error.At))
        {
            advice.Add($"The last call failed ({error.Code}): {error.Message}");
        }
        return new ConfigStatus(
            options.IsConfigured,
            options.IsConfigured ? ConfigSources.Supplying(configuration, ApiKeySetting) : null,
            KeyFingerprint.Of(options.ApiKey),
            options.BaseUrl is { Length: > 0 } url ? url : "https://api.openai.com/v1",
            NullIfEmpty(options.OrganizationId),
            NullIfEmpty(options.ProjectId),
            DefaultModels.Of(options, configuration),
            paths.OutputFolder,
            AppPaths.UserConfigFile,
            options.MaxRetries,
            options.RequestTimeout.TotalSeconds,
            log.LastSuccess,
            log.LastError,
            advice);
    }

    /// <summary>Saves settings to the per-user config file; a new key is checked with a real call first.</summary>
    [KernelFunction("configure")]
    [Description("Save OpenAI settings (API key, organization, project, base URL, default models) to the per-user config file, readable only by you; " +
        "they apply at once, without a restart. A new key is checked with a real call before it is saved, and is never echoed. Pass \"\" to remove a saved value. " +
        "Environment variables or user secrets are safer for the key: a key typed into a chat passes through the model's transcript.")]
    [FunctionTraits(Title = "Configure OpenAI", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    public async Task<ConfigureResult> Configure(
        [Description("The OpenAI API key (sk-…).")] string? apiKey = null,
        [Description("The OpenAI organization id (org-…).")] string? organizationId = null,
        [Description("The OpenAI project id (proj_…).")] string? projectId = null,
        [Description("The API root of OpenAI or an OpenAI-compatible server, e.g. https://api.openai.com/v1.")] string? baseUrl = null,
        [Description("The default chat model, e.g. gpt-4.1-mini.")] string? chatModel = null,
        [Description("The default vision model for analyze_image; default: the chat model.")] string? visionModel = null,
        [Description("The default image model, e.g. gpt-image-1.")] string? imageModel = null,
        [Description("The default embedding model, e.g. text-embedding-3-small.")] string? embeddingModel = null,
        [Description("The default moderation model, e.g. omni-moderation-latest.")] string? moderationModel = null,
        CancellationToken cancellationToken = default)
    {
        var changes = ConfigureArguments.Check(apiKey, organizationId, projectId, baseUrl, chatModel, visionModel, imageModel, embeddingModel, moderationModel);
        var newKey = changes.GetValueOrDefault("ApiKey");
        int? models = null;
        if (newKey is not null)
            models = await KeyCheck.RunAsync(Trial(changes, newKey), cancellationToken).ConfigureAwait(false);

        var file = new UserConfigFile(AppPaths.UserConfigFile);
        file.Update(changes);
        // The host watches the file too; reloading now makes the change visible to this very next call.
        (configuration as IConfigurationRoot)?.Reload();

        var notes = new List<string>();
        var inEffect = true;
        foreach (var name in changes.Where(c => c.Value is not null).Select(c => c.Key))
        {
            var source = ConfigSources.Supplying(configuration, "OpenAI:" + name);
            if (ConfigSources.OutranksUserConfig(source))
            {
                inEffect = false;
                notes.Add($"OpenAI:{name} is saved, but {source} sets it too and wins; remove that to use the saved value.");
            }
        }
        if (changes.ContainsKey("ApiKey")) notes.Add(SaferWays);
        var saved = changes.Select(c => c.Value is null ? $"OpenAI:{c.Key} (removed)" : $"OpenAI:{c.Key}").ToList();
        return new ConfigureResult(saved, file.Path, KeyFingerprint.Of(newKey), newKey is not null, models, inEffect, notes);
    }

    private OpenAIOptions Trial(IReadOnlyDictionary<string, string?> changes, string key)
    {
        var current = factory.Options;
        return new OpenAIOptions
        {
            ApiKey = key,
            BaseUrl = changes.TryGetValue("BaseUrl", out var url) ? url : current.BaseUrl,
            OrganizationId = changes.TryGetValue("OrganizationId", out var org) ? org : current.OrganizationId,
            ProjectId = changes.TryGetValue("ProjectId", out var project) ? project : current.ProjectId,
            MaxRetries = Math.Min(current.MaxRetries, 1),
            RequestTimeout = current.RequestTimeout < TimeSpan.FromSeconds(30) ? current.RequestTimeout : TimeSpan.FromSeconds(30),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
