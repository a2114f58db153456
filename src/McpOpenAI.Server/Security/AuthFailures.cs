namespace McpOpenAI.Server.Security;

/// <summary>What a refused request is told: why its credentials did not pass and what to do. Never echoes the token.</summary>
internal static class AuthFailures
{
    public const string Missing = "Unauthorized: send Authorization: Bearer <token>.";
    public const string NotBearer = "Unauthorized: the Authorization header must be 'Bearer <token>'.";
    public const string UnknownToken = "Unauthorized: the bearer token is not valid.";

    /// <summary>The message for an authentication failure (null: no credentials were sent).</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        null => Missing,
        _ when failure.Message.StartsWith("Unauthorized:", StringComparison.Ordinal) => failure.Message,
        _ => UnknownToken,
    };
}
