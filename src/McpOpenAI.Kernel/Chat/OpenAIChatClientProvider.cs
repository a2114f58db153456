using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Kernel.Chat;

/// <summary>
/// Supplies the OpenAI chat pipeline (<see cref="OpenAIClientFactoryChatExtensions.AsIChatClient"/>) when an OpenAI key is
/// configured, and null otherwise (so the kernel can fall back to the MCP client's sampling). Follows option changes at run time.
/// </summary>
public sealed class OpenAIChatClientProvider : IChatClientProvider
{
    private readonly IOptionsMonitor<OpenAIOptions> _options;
    private readonly IChatClient _client;

    /// <summary>Creates the provider.</summary>
    public OpenAIChatClientProvider(IOptionsMonitor<OpenAIOptions> options, OpenAIClientFactory factory)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _client = (factory ?? throw new ArgumentNullException(nameof(factory))).AsIChatClient();
    }

    /// <inheritdoc />
    public IChatClient? GetChatClient() => _options.CurrentValue.IsConfigured ? _client : null;
}
