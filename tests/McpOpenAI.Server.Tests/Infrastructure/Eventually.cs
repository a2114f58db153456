namespace McpOpenAI.Server.Tests.Infrastructure;

/// <summary>
/// Bounded waits for things that happen asynchronously on the client side. The C# MCP client runs each
/// notification handler on the thread pool, so a notification sent before a result may be handled after it.
/// </summary>
internal static class Eventually
{
    public static async Task WaitAsync(Func<bool> condition, CancellationToken ct, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Condition not met within {limit ?? TimeSpan.FromSeconds(10)}.");
            await Task.Delay(20, ct);
        }
    }
}
