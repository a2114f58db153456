using McpOpenAI.Server.Security;

namespace McpOpenAI.Server.Jobs;

/// <summary>Who a job belongs to: the bearer token's name over HTTP with tokens, else the local user.</summary>
internal static class JobOwner
{
    /// <summary>The owner of calls made in the current context.</summary>
    public static string Current => CallerContext.Current is { } token ? "token:" + token.Name : "local";
}
