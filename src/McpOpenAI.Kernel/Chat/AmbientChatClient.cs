using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Kernel.Chat;

/// <summary>
/// The kernel's <see cref="IChatClient"/> service, which prompt functions and agents run on: OpenAI (the pipeline of
/// <see cref="OpenAIClientFactoryChatExtensions.AsIChatClient"/>) when a key is configured, else the caller's own model
/// (MCP sampling, from <see cref="CallContext.Current"/>), else a clear <c>not_configured</c> error. The choice is made
/// per request, so a key saved with <c>configure</c> takes effect at once.
/// </summary>
public sealed class AmbientChatClient : IChatClient
{
    private static readonly ChatClientMetadata NoKeyMetadata = new("mcp-openai");
    private readonly IOptionsMonitor<OpenAIOptions> _options;
    private readonly IChatClient _openAI;

    /// <summary>Creates the client over the OpenAI factory.</summary>
    public AmbientChatClient(IOptionsMonitor<OpenAIOptions> options, OpenAIClientFactory factory)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _openAI = (factory ?? throw new ArgumentNullException(nameof(factory))).AsIChatClient();
    }

    /// <summary>True when a call now would run on OpenAI (a key is configured).</summary>
    public bool UsesOpenAI => _options.CurrentValue.IsConfigured;

    /// <summary>The client a call made now runs on.</summary>
    /// <exception cref="FunctionException">No key is configured and the caller offers no model.</exception>
    public IChatClient Current => UsesOpenAI ? _openAI : CallContext.Current?.CallerChatClient ?? throw NotConfigured();

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Current.GetResponseAsync(messages, options, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Current.GetStreamingResponseAsync(messages, options, cancellationToken);

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : _openAI.GetService(serviceType, serviceKey)
          // Semantic Kernel's prompt functions refuse a chat client without metadata, also before a key is configured.
          ?? (serviceKey is null && serviceType == typeof(ChatClientMetadata) ? NoKeyMetadata : null);

    /// <inheritdoc />
    public void Dispose() => _openAI.Dispose();

    private static FunctionException NotConfigured() => new(ErrorCodes.NotConfigured,
        "No OpenAI API key is configured, and the client did not offer its own model (MCP sampling).",
        [
            "Set the OPENAI_API_KEY environment variable (in your MCP client's server config 'env' block) and restart the server.",
            "Or store it once with: dotnet user-secrets set OpenAI:ApiKey <key> --project src/McpOpenAI.Server",
            "Or use an MCP client that supports sampling.",
        ]);
}
