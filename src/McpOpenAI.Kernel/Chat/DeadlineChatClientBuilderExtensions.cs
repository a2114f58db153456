using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>Adds <see cref="DeadlineChatClient"/> to a chat client pipeline.</summary>
public static class DeadlineChatClientBuilderExtensions
{
    /// <summary>Bounds each whole call of the clients below by <paramref name="timeLimit"/> (read when a call starts).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="timeLimit">The limit for a call starting now; zero or less means none.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ChatClientBuilder UseDeadline(this ChatClientBuilder builder, Func<TimeSpan> timeLimit)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(timeLimit);
        return builder.Use(inner => new DeadlineChatClient(inner, timeLimit));
    }
}
