using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>Adds <see cref="OpenAIChatInputChatClient"/> to a chat client pipeline.</summary>
public static class OpenAIChatInputChatClientBuilderExtensions
{
    /// <summary>Refuses roles and content the OpenAI chat connector would silently leave out, and sends tool results that are JSON strings or failures as text.</summary>
    /// <param name="builder">The pipeline.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ChatClientBuilder UseOpenAIChatInput(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new OpenAIChatInputChatClient(inner));
    }
}
