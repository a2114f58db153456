using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>
/// A chat client layer that turns every failure of the calls below it (OpenAI error responses, transport failures,
/// timeouts) into a <see cref="FunctionException"/> mapped by <see cref="OpenAIErrorMapper"/>, with the key scrubbed
/// from any text. The caller's own cancellation passes through as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class OpenAIErrorsChatClient : DelegatingChatClient
{
    private readonly Func<string?> _apiKey;

    /// <summary>Creates the layer.</summary>
    /// <param name="innerClient">The client whose failures are mapped.</param>
    /// <param name="apiKey">The key in use now, to scrub from messages; null when none needs scrubbing beyond key-shaped text.</param>
    public OpenAIErrorsChatClient(IChatClient innerClient, Func<string?>? apiKey = null)
        : base(innerClient)
    {
        _apiKey = apiKey ?? (static () => null);
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, options, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingErrors.Translate(() => base.GetStreamingResponseAsync(messages, options, cancellationToken),
            e => Translate(e, options, cancellationToken), cancellationToken);

    private FunctionException? Translate(Exception exception, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested) return null;
        var model = options?.ModelId ?? this.GetService<ChatClientMetadata>()?.DefaultModelId;
        var mapped = OpenAIErrorMapper.Map(exception, _apiKey(), model);
        // An error that is already a FunctionException keeps its own stack trace.
        return ReferenceEquals(mapped, exception) ? null : mapped;
    }
}
