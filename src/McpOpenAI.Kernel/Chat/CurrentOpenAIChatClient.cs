using McpOpenAI.Kernel.OpenAI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>
/// Microsoft.Extensions.AI.OpenAI's <c>AsIChatClient()</c> over the SDK client that <see cref="OpenAIClientFactory"/> holds
/// now: when the key, endpoint, retries or default chat model change at run time, the next call uses a new one.
/// </summary>
internal sealed class CurrentOpenAIChatClient(OpenAIClientFactory factory) : IChatClient
{
    private Connector? _current;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Resolve().GetResponseAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Resolve().GetStreamingResponseAsync(messages, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null && serviceType.IsInstanceOfType(this)) return this;
        return factory.IsConfigured ? Resolve().GetService(serviceType, serviceKey) : null;
    }

    public void Dispose()
    {
        // The SDK client belongs to the factory; the connector over it holds nothing to release.
    }

    // Throws FunctionException (not_configured) when there is no key, before any request is made.
    private IChatClient Resolve()
    {
        var client = factory.GetClient();
        var model = factory.Options.ChatModel;
        var current = Volatile.Read(ref _current);
        if (current is null || !ReferenceEquals(current.Client, client) || current.Model != model)
        {
            current = new Connector(client, model, client.GetChatClient(model).AsIChatClient());
            Volatile.Write(ref _current, current);
        }
        return current.Chat;
    }

    private sealed record Connector(OpenAIClient Client, string Model, IChatClient Chat);
}
