using System.Text;
using System.Text.Json;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Shared;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>Streams one chat completion, forwarding text as batched progress, and gathers the whole answer.</summary>
internal sealed class ChatRunner(OpenAIClientFactory factory, TimeProvider time)
{
    private readonly IChatClient _client = factory.AsIChatClient();

    public Task<ChatResult> RunAsync(string operation, IList<ChatMessage> messages, ChatOptions options, IProgress<FunctionProgress> progress, CancellationToken cancellationToken)
    {
        var json = options.ResponseFormat is ChatResponseFormatJson;
        return new OpenAICall(factory, time).RunAsync(operation, options.ModelId, async token =>
        {
            var batcher = new TextDeltaBatcher(progress, time);
            var text = new StringBuilder();
            ChatFinishReason? finish = null;
            UsageDetails? usage = null;
            string? model = null;
            await foreach (var update in _client.GetStreamingResponseAsync(messages, options, token).WithCancellation(token).ConfigureAwait(false))
            {
                model ??= update.ModelId;
                finish = update.FinishReason ?? finish;
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                var delta = update.Text;
                text.Append(delta);
                batcher.Add(delta);
            }
            batcher.Flush();
            return Result(text.ToString(), model ?? options.ModelId!, finish, usage, json);
        }, cancellationToken);
    }

    private static ChatResult Result(string text, string model, ChatFinishReason? finish, UsageDetails? usage, bool json)
    {
        var chatUsage = usage is null ? null : new ChatUsage(usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount);
        string? note = finish == ChatFinishReason.Length ? "The answer was cut off because it reached max_tokens; raise max_tokens for the rest." : null;
        if (finish == ChatFinishReason.ContentFilter) note = "OpenAI's content filter stopped the answer.";
        JsonElement? data = null;
        if (json && text.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                data = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                note = (note is null ? "" : note + " ") + "The answer is not valid JSON, so 'data' is empty.";
            }
        }
        return new ChatResult(text, model, finish?.Value, chatUsage, data, note);
    }
}
