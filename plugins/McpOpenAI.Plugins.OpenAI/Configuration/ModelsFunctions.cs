using System.ComponentModel;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>The OpenAI plugin's <c>list_models</c> function.</summary>
public sealed class ModelsFunctions(OpenAIClientFactory factory, IConfiguration configuration, TimeProvider? time = null)
{
    private static readonly string[] Capabilities = ["chat", "image", "embedding", "moderation", "audio", "other"];

    /// <summary>Lists the models the endpoint serves, grouped by capability.</summary>
    [KernelFunction("list_models")]
    [Description("List the models this OpenAI key and endpoint can use (live from GET /v1/models, cached for 5 minutes), grouped by capability " +
        "(chat, image, embedding, moderation, audio, other), marking the configured defaults and any default the endpoint does not serve.")]
    [FunctionTraits(Title = "List OpenAI models", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    public async Task<ModelListResult> ListModels(
        [Description("Only this group: chat, image, embedding, moderation, audio or other.")] string? capability = null,
        [Description("Fetch a fresh list instead of the cached one.")] bool refresh = false,
        CancellationToken cancellationToken = default)
    {
        var only = Arguments.OneOf(capability, "capability", Capabilities);
        var (models, fetchedAt, cached) = await ModelCatalog.For(factory, time).GetAsync(refresh, cancellationToken).ConfigureAwait(false);
        var defaults = DefaultModels.Of(factory.Options, configuration);
        var served = models.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);

        var groups = new Dictionary<string, IReadOnlyList<ModelEntry>>();
        foreach (var group in models.GroupBy(m => ModelCapabilities.Of(m.Id).ToString().ToLowerInvariant()))
        {
            if (only is not null && group.Key != only) continue;
            groups[group.Key] = [.. group.Select(m => new ModelEntry(m.Id, m.OwnedBy, m.Created, DefaultFor(m.Id, defaults)))];
        }
        var ordered = Capabilities.Where(groups.ContainsKey).ToDictionary(c => c, c => groups[c]);
        var missing = defaults.Where(d => !served.Contains(d.Value)).Select(d => $"{d.Key}: {d.Value}").Distinct().ToList();
        var endpoint = factory.Options.BaseUrl is { Length: > 0 } url ? url : "https://api.openai.com/v1";
        return new ModelListResult(endpoint, fetchedAt, cached, ordered.Values.Sum(g => g.Count), ordered, defaults, missing);
    }

    private static IReadOnlyList<string>? DefaultFor(string id, IReadOnlyDictionary<string, string> defaults)
    {
        var uses = defaults.Where(d => d.Value == id).Select(d => d.Key).ToList();
        return uses.Count > 0 ? uses : null;
    }
}
