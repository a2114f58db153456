using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace McpOpenAI.TestKit.Chat;

/// <summary>
/// An <see cref="IChatClient"/> driven by callbacks, for tests: set <see cref="GetResponseAsyncCallback"/> and/or
/// <see cref="GetStreamingResponseAsyncCallback"/>. Without a streaming callback, streaming replays the
/// non-streaming response; without either, the client answers "ok". Every call's messages and options are recorded.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly List<ScriptedChatCall> _calls = [];
    private readonly Lock _gate = new();

    /// <summary>Answers <see cref="GetResponseAsync"/>.</summary>
    public Func<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>>? GetResponseAsyncCallback { get; set; }

    /// <summary>Answers <see cref="GetStreamingResponseAsync"/>.</summary>
    public Func<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>>? GetStreamingResponseAsyncCallback { get; set; }

    /// <summary>Answers <see cref="GetService"/>; by default the client returns itself for its own type.</summary>
    public Func<Type, object?, object?>? GetServiceCallback { get; set; }

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<ScriptedChatCall> Calls
    {
        get
        {
            lock (_gate)
                return _calls.ToArray();
        }
    }

    /// <summary>The last call; throws when there was none.</summary>
    public ScriptedChatCall LastCall => Calls[^1];

    /// <summary>A client that streams <paramref name="text"/> in chunks of <paramref name="chunkSize"/> characters.</summary>
    public static ScriptedChatClient Streaming(string text, int chunkSize = 4) => new()
    {
        GetStreamingResponseAsyncCallback = (_, _, ct) => StreamText(text, chunkSize, ct),
    };

    /// <summary>A client that answers every request with <paramref name="text"/>.</summary>
    public static ScriptedChatClient Answering(string text) => new()
    {
        GetResponseAsyncCallback = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))),
    };

    /// <summary>Streams text as assistant updates of at most <paramref name="chunkSize"/> characters.</summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> StreamText(string text, int chunkSize = 4, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var id = Guid.NewGuid().ToString("N");
        for (var i = 0; i < text.Length; i += chunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(chunkSize, text.Length - i))) { MessageId = id };
        }
    }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = Record(messages, options, streaming: false);
        return GetResponseAsyncCallback is { } callback
            ? callback(list, options, cancellationToken)
            : GetStreamingResponseAsyncCallback is { } streaming
                ? streaming(list, options, cancellationToken).ToChatResponseAsync(cancellationToken)
                : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = Record(messages, options, streaming: true);
        if (GetStreamingResponseAsyncCallback is { } callback)
            return callback(list, options, cancellationToken);
        return FromResponse(list, options, cancellationToken);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        GetServiceCallback is { } callback ? callback(serviceType, serviceKey)
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private List<ChatMessage> Record(IEnumerable<ChatMessage> messages, ChatOptions? options, bool streaming)
    {
        var list = messages.ToList();
        lock (_gate)
            _calls.Add(new ScriptedChatCall(list, options?.Clone(), streaming));
        return list;
    }

    private async IAsyncEnumerable<ChatResponseUpdate> FromResponse(List<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = GetResponseAsyncCallback is { } callback
            ? await callback(messages, options, cancellationToken).ConfigureAwait(false)
            : new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
        foreach (var update in response.ToChatResponseUpdates())
            yield return update;
    }
}
