using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>Adds <see cref="OpenAIErrorsChatClient"/> to a chat client pipeline.</summary>
public static class OpenAIErrorsChatClientBuilderExtensions
{
    /// <summary>Maps every failure of the clients below to a <see cref="Errors.FunctionException"/> (invalid key, quota, rate limit, …).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="apiKey">The key in use now, scrubbed from error messages.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ChatClientBuilder UseOpenAIErrors(this ChatClientBuilder builder, Func<string?>? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new OpenAIErrorsChatClient(inner, apiKey));
    }
}
