using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Plugins.Operations.Pipeline;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Plugins.Operations.Safety;

/// <summary>
/// With <c>Safety:PrecheckPrompts</c> on, sends the user text of each chat, Responses and image request to the moderation
/// model first and refuses a flagged one (<c>content_flagged</c>, with its categories) before the paid request. Being a
/// pipeline policy it covers every path at once — tools, prompt files, agents' turns — and its verdicts are cached.
/// </summary>
public sealed class PromptPrecheckPolicy(IOptionsMonitor<SafetyOptions> options, Func<OpenAIClientFactory> factory) : OperationsPolicy
{
    /// <inheritdoc />
    protected override async ValueTask RunAsync(PipelineMessage message, Func<ValueTask> next)
    {
        if (options.CurrentValue.PrecheckPrompts)
        {
            var request = OpenAIRequest.Of(message);
            if (request.Kind is OpenAIRequestKind.Chat or OpenAIRequestKind.Responses or OpenAIRequestKind.ImageGeneration or OpenAIRequestKind.ImageEdit
                && request.PromptTexts() is { Count: > 0 } texts)
                await CheckAsync(texts, message.CancellationToken).ConfigureAwait(false);
        }
        await next().ConfigureAwait(false);
    }

    private async Task CheckAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var clients = factory();
        var model = clients.Options.ModerationModel;
        var body = new JsonObject { ["model"] = model, ["input"] = new JsonArray([.. texts.Select(t => (JsonNode)JsonValue.Create(t))]) };
        var result = await clients.GetModerationClient(model).ClassifyTextAsync(BinaryContent.Create(BinaryData.FromString(body.ToJsonString())),
            new RequestOptions { CancellationToken = cancellationToken }).ConfigureAwait(false);
        using var document = JsonDocument.Parse(result.GetRawResponse().Content);
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        var flagged = false;
        foreach (var verdict in document.RootElement.GetProperty("results").EnumerateArray())
        {
            if (!verdict.TryGetProperty("flagged", out var f) || f.ValueKind != JsonValueKind.True) continue;
            flagged = true;
            if (verdict.TryGetProperty("categories", out var c) && c.ValueKind == JsonValueKind.Object)
                categories.UnionWith(c.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.True).Select(p => p.Name));
        }
        if (flagged)
            throw new FunctionException(ErrorCodes.ContentFlagged,
                $"The prompt was refused before it was sent: the moderation pre-check flagged it ({(categories.Count == 0 ? "no category named" : string.Join(", ", categories))}). Nothing was charged.",
                ["Rephrase the prompt.", "The pre-check is Safety:PrecheckPrompts; see a prompt's scores with the moderate tool."]);
    }
}
