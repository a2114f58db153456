using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>Adds <see cref="OpenAIRefusalsChatClient"/> to a chat client pipeline.</summary>
public static class OpenAIRefusalsChatClientBuilderExtensions
{
    /// <summary>Makes a model's refusal the answer's text, streaming or not. Put it next to the OpenAI connector.</summary>
    /// <param name="builder">The pipeline.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ChatClientBuilder UseRefusalsAsText(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new OpenAIRefusalsChatClient(inner));
    }
}
