using McpOpenAI.Kernel.OpenAI;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>Builds the kernel's OpenAI chat client pipeline over an <see cref="OpenAIClientFactory"/>.</summary>
public static class OpenAIClientFactoryChatExtensions
{
    /// <summary>
    /// An <see cref="IChatClient"/> over Microsoft.Extensions.AI.OpenAI's connector for the factory's current SDK client:
    /// failures become mapped <see cref="Errors.FunctionException"/>s, each call is bounded by <c>OpenAI:RequestTimeout</c>
    /// (the SDK retries within it, <c>OpenAI:MaxRetries</c>), input the connector would drop is refused, JSON schemas are
    /// strict by default and refusals read as text; then the factory's chat layers (<see cref="OpenAIClientLayers.Chat"/>:
    /// a cache, telemetry), innermost last. It follows option changes at run time; with no key configured, calls fail with
    /// <c>not_configured</c> and send nothing.
    /// </summary>
    /// <param name="factory">The factory whose options and client the pipeline uses.</param>
    public static IChatClient AsIChatClient(this OpenAIClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var builder = new ChatClientBuilder(new CurrentOpenAIChatClient(factory))
            .UseOpenAIErrors(() => factory.Options.ApiKey)
            .UseDeadline(() => factory.Options.RequestTimeout)
            .UseOpenAIChatInput()
            .ConfigureOptions(OpenAIStructuredOutput.Configure)
            .UseRefusalsAsText();
        foreach (var layer in factory.Layers.Chat)
            layer(builder);
        return builder.Build();
    }
}
