using McpOpenAI.Kernel.Chat;
using McpOpenAI.TestKit.Chat;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace McpOpenAI.Kernel.Tests.Chat;

// The fake server cannot script a refusal, so these feed SDK results through the connector's own conversions
// (marked experimental, like the SDK's model factory).
#pragma warning disable OPENAI001
public sealed class OpenAIRefusalsChatClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "hello")];

    [Fact]
    public async Task GetResponseAsync_Refusal_IsTheText()
    {
        var completion = OpenAIChatModelFactory.ChatCompletion(id: "chatcmpl-1", refusal: "I can't help with that.", role: ChatMessageRole.Assistant);
        using var client = Pipeline(new ScriptedChatClient { GetResponseAsyncCallback = (_, _, _) => Task.FromResult(completion.AsChatResponse()) });

        var response = await client.GetResponseAsync(Hello, cancellationToken: Ct);

        Assert.Equal("I can't help with that.", response.Text);
        Assert.DoesNotContain(response.Messages.SelectMany(m => m.Contents), c => c is ErrorContent);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Refusal_StreamedAsText()
    {
        using var client = Pipeline(Streaming(
            OpenAIChatModelFactory.StreamingChatCompletionUpdate(completionId: "chatcmpl-1", refusalUpdate: "I can't "),
            OpenAIChatModelFactory.StreamingChatCompletionUpdate(completionId: "chatcmpl-1", refusalUpdate: "help.", finishReason: global::OpenAI.Chat.ChatFinishReason.Stop)));

        var updates = await client.GetStreamingResponseAsync(Hello, cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal("I can't help.", updates.ToChatResponse().Text);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_RefusalBesideToolCalls_TextOnce()
    {
        using var client = Pipeline(Streaming(
            OpenAIChatModelFactory.StreamingChatCompletionUpdate(completionId: "chatcmpl-1", refusalUpdate: "No."),
            OpenAIChatModelFactory.StreamingChatCompletionUpdate(completionId: "chatcmpl-1", toolCallUpdates:
                [OpenAIChatModelFactory.StreamingChatToolCallUpdate(index: 0, toolCallId: "call_1", functionName: "f", functionArgumentsUpdate: BinaryData.FromString("{}"))])));

        var response = (await client.GetStreamingResponseAsync(Hello, cancellationToken: Ct).ToListAsync(Ct)).ToChatResponse();

        Assert.Equal("No.", response.Text);
        Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.DoesNotContain(response.Messages.SelectMany(m => m.Contents), c => c is ErrorContent);
    }

    private static OpenAIRefusalsChatClient Pipeline(IChatClient connector) => new(connector);

    private static ScriptedChatClient Streaming(params StreamingChatCompletionUpdate[] updates) => new()
    {
        GetStreamingResponseAsyncCallback = (_, _, ct) => updates.ToAsyncEnumerable().AsChatResponseUpdatesAsync(cancellationToken: ct),
    };
}
