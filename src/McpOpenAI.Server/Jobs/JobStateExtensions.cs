namespace McpOpenAI.Server.Jobs;

/// <summary>How a <see cref="JobState"/> is written in results and in the store.</summary>
internal static class JobStateExtensions
{
    /// <summary>The state's name: <c>running</c>, <c>completed</c>, <c>failed</c>, <c>cancelled</c> or <c>interrupted</c>.</summary>
    public static string Name(this JobState state) => state.ToString().ToLowerInvariant();
}
