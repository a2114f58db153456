using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Chat;
using McpOpenAI.Plugins.OpenAI.Shared;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// Asks a chat model for a scene through JSON-schema structured output (strict), reads and checks the answer, and when the
/// check refuses it asks once more with the refusal, so a broken index or a degenerate mesh costs a retry, not the call.
/// </summary>
internal sealed class SceneGenerator(OpenAIClientFactory factory, TimeProvider time)
{
    public const int MaxAttempts = 2;

    public async Task<GeneratedScene> GenerateAsync(ModelRequest request, IProgress<FunctionProgress>? progress, CancellationToken cancellationToken)
    {
        var client = factory.AsIChatClient();
        List<ChatMessage> messages = [new(ChatRole.System, SceneInstructions.For(request.Detail)), new(ChatRole.User, request.Description)];
        var options = new ChatOptions
        {
            ModelId = request.Model,
            MaxOutputTokens = request.Detail.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(SceneSchema.Element, SceneSchema.Name, "A 3D scene of placed primitives and meshes with PBR materials."),
            AdditionalProperties = new() { [OpenAIStructuredOutput.StrictKey] = true },
        };
        ChatUsage? usage = null;
        for (var attempt = 1; ; attempt++)
        {
            var response = await new OpenAICall(factory, time).RunAsync("generate_3d_model", request.Model,
                token => client.GetResponseAsync(messages, options, token), cancellationToken).ConfigureAwait(false);
            usage = Add(usage, response.Usage);
            if (response.FinishReason == ChatFinishReason.ContentFilter)
                throw new FunctionException(ErrorCodes.ContentPolicy, "OpenAI's content filter stopped the scene.", ["Describe the object differently."]);
            // A cut-off answer would be cut off again at the same budget, so it is not retried.
            if (response.FinishReason == ChatFinishReason.Length)
                throw new UnusableSceneException($"the answer was cut off at {request.Detail.MaxOutputTokens} tokens; ask for fewer parts or detail=low.");
            var text = response.Text;
            try
            {
                return new GeneratedScene(text, SceneValidator.Check(SceneReader.Read(text), request.Detail.Segments), response, usage);
            }
            catch (UnusableSceneException refused) when (attempt < MaxAttempts)
            {
                progress?.Report(new FunctionProgress(Message: $"The scene could not be used ({refused.Problem}); asking {request.Model} to fix it…"));
                messages.Add(new ChatMessage(ChatRole.Assistant, text));
                messages.Add(new ChatMessage(ChatRole.User, SceneInstructions.Fix(refused.Problem)));
            }
        }
    }

    private static ChatUsage? Add(ChatUsage? total, UsageDetails? next)
    {
        if (next is null) return total;
        if (total is null) return new ChatUsage(next.InputTokenCount, next.OutputTokenCount, next.TotalTokenCount);
        return new ChatUsage(total.InputTokens + next.InputTokenCount, total.OutputTokens + next.OutputTokenCount, total.TotalTokens + next.TotalTokenCount);
    }
}
