using System.Runtime.CompilerServices;
using McpOpenAI.Kernel.OpenAI;
using Microsoft.Extensions.AI;
using Sdk = OpenAI.Chat;

namespace McpOpenAI.Kernel.Chat;

/// <summary>
/// An <see cref="IChatClient"/> over the OpenAI SDK's chat completions client. It stands in for
/// Microsoft.Extensions.AI.OpenAI's <c>AsIChatClient()</c>, which cannot be restored here; when that package
/// restores, swapping is a deletion. Failures surface as mapped <see cref="Errors.FunctionException"/>s.
/// </summary>
public sealed class OpenAIChatClient : IChatClient
{
    private readonly OpenAIClientFactory _factory;
    private readonly string? _defaultModelId;

    /// <summary>Creates the client.</summary>
    /// <param name="factory">Supplies the SDK client for the current options.</param>
    /// <param name="defaultModelId">The model when <see cref="ChatOptions.ModelId"/> is not set; null means <c>OpenAIOptions.ChatModel</c>.</param>
    public OpenAIChatClient(OpenAIClientFactory factory, string? defaultModelId = null)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _defaultModelId = defaultModelId;
    }

    /// <summary>The model used when a request names none.</summary>
    public string DefaultModelId => _defaultModelId ?? _factory.Options.ChatModel;

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? DefaultModelId;
        var (client, sdkMessages, sdkOptions) = Prepare(messages, options, model);
        using var timeout = Deadline(cancellationToken);
        try
        {
            var result = await client.CompleteChatAsync(sdkMessages, sdkOptions, timeout.Token).ConfigureAwait(false);
            return OpenAIChatResponseMapper.ToResponse(result.Value);
        }
        catch (Exception e) when (!IsCallerCancellation(e, cancellationToken))
        {
            throw OpenAIErrorMapper.Map(e, _factory.Options.ApiKey, model);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? DefaultModelId;
        var (client, sdkMessages, sdkOptions) = Prepare(messages, options, model);
        using var timeout = Deadline(cancellationToken);
        await using var updates = client.CompleteChatStreamingAsync(sdkMessages, sdkOptions, timeout.Token).GetAsyncEnumerator(timeout.Token);

        var toolCalls = new OpenAIStreamingToolCalls();
        ChatFinishReason? finishReason = null;
        UsageDetails? usage = null;
        string? responseId = null, modelId = null;
        DateTimeOffset? createdAt = null;
        while (true)
        {
            Sdk.StreamingChatCompletionUpdate update;
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false)) break;
                update = updates.Current;
            }
            catch (Exception e) when (!IsCallerCancellation(e, cancellationToken))
            {
                throw OpenAIErrorMapper.Map(e, _factory.Options.ApiKey, model);
            }

            responseId ??= update.CompletionId;
            modelId ??= update.Model;
            if (update.CreatedAt != default) createdAt ??= update.CreatedAt;
            finishReason = OpenAIChatResponseMapper.FinishReason(update.FinishReason) ?? finishReason;
            usage = OpenAIChatResponseMapper.Usage(update.Usage) ?? usage;
            foreach (var call in update.ToolCallUpdates) toolCalls.Add(call);

            var text = string.Concat(update.ContentUpdate.Where(p => p.Kind == Sdk.ChatMessageContentPartKind.Text).Select(p => p.Text))
                + update.RefusalUpdate;
            if (text.Length > 0)
                yield return Update([new TextContent(text)], update);
        }

        if (!toolCalls.IsEmpty)
            yield return Update(toolCalls.Build(), null);

        var final = Update(usage is null ? [] : [new UsageContent(usage)], null);
        final.FinishReason = finishReason;
        yield return final;

        ChatResponseUpdate Update(IList<AIContent> contents, Sdk.StreamingChatCompletionUpdate? raw) => new(ChatRole.Assistant, contents)
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = modelId,
            CreatedAt = createdAt,
            RawRepresentation = raw,
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata))
            return new ChatClientMetadata("openai", Uri.TryCreate(_factory.Options.BaseUrl, UriKind.Absolute, out var uri) ? uri : new Uri("https://api.openai.com/v1"), DefaultModelId);
        if (serviceType == typeof(Sdk.ChatClient)) return _factory.GetChatClient(DefaultModelId);
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The SDK client belongs to the factory, which outlives this wrapper.
    }

    private (Sdk.ChatClient Client, List<Sdk.ChatMessage> Messages, Sdk.ChatCompletionOptions Options) Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options, string model)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var client = _factory.GetChatClient(model);
        return (client, OpenAIChatMessageMapper.ToSdk(messages, options?.Instructions), OpenAIChatOptionsMapper.ToSdk(options));
    }

    // RequestTimeout bounds the whole call, retries included; the caller's token still cancels at once.
    private CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_factory.Options.RequestTimeout > TimeSpan.Zero) source.CancelAfter(_factory.Options.RequestTimeout);
        return source;
    }

    private static bool IsCallerCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
}
