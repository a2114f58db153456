using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Plugins.OpenAI.Chat;
using McpOpenAI.Plugins.OpenAI.Shared;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>Asks a chat model for a scene through JSON-schema structured output (strict) and reads the answer.</summary>
internal sealed class SceneGenerator(OpenAIClientFactory factory, TimeProvider time)
{
    public async Task<(string Json, SceneSpec Spec, ChatResponse Response)> GenerateAsync(ModelRequest request, CancellationToken cancellationToken)
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
        var response = await new OpenAICall(factory, time).RunAsync("generate_3d_model", request.Model,
            token => client.GetResponseAsync(messages, options, token), cancellationToken).ConfigureAwait(false);
        if (response.FinishReason == ChatFinishReason.ContentFilter)
            throw new FunctionException(ErrorCodes.ContentPolicy, "OpenAI's content filter stopped the scene.", ["Describe the object differently."]);
        if (response.FinishReason == ChatFinishReason.Length)
            throw UnusableScene.Error($"the answer was cut off at {request.Detail.MaxOutputTokens} tokens.");
        var text = response.Text;
        return (text, SceneReader.Read(text), response);
    }

    public static ChatUsage? Usage(ChatResponse response) =>
        response.Usage is { } u ? new ChatUsage(u.InputTokenCount, u.OutputTokenCount, u.TotalTokenCount) : null;
}
