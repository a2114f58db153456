using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Sdk = OpenAI.Chat;

namespace McpOpenAI.Kernel.Chat;

/// <summary>
/// A chat client layer over Microsoft.Extensions.AI.OpenAI's connector that makes a model's refusal the answer's text,
/// so a caller reading <c>Text</c> sees why there is no answer. The connector keeps a refusal as
/// <see cref="ErrorContent"/> (code <c>Refusal</c>) in a whole response, and while streaming drops it unless tools were called.
/// </summary>
public sealed class OpenAIRefusalsChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    private const string RefusalCode = "Refusal";

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var message in response.Messages)
        {
            for (var i = 0; i < message.Contents.Count; i++)
            {
                if (message.Contents[i] is ErrorContent { ErrorCode: RefusalCode } refusal)
                    message.Contents[i] = new TextContent(refusal.Message) { RawRepresentation = refusal };
            }
        }
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            if (update.RawRepresentation is Sdk.StreamingChatCompletionUpdate { RefusalUpdate: { Length: > 0 } refusal })
                update.Contents.Add(new TextContent(refusal));
            // The connector repeats the whole refusal beside streamed tool calls; it was already passed on as text.
            if (update.Contents.Any(c => c is ErrorContent { ErrorCode: RefusalCode }))
                update.Contents = [.. update.Contents.Where(c => c is not ErrorContent { ErrorCode: RefusalCode })];
            yield return update;
        }
    }
}
