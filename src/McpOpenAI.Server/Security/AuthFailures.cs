using Microsoft.IdentityModel.Tokens;

namespace McpOpenAI.Server.Security;

/// <summary>What a refused request is told: why its credentials did not pass and what to do. Never echoes the token.</summary>
internal static class AuthFailures
{
    public const string Missing = "Unauthorized: send Authorization: Bearer <token>.";
    public const string NotBearer = "Unauthorized: the Authorization header must be 'Bearer <token>'.";
    public const string UnknownToken = "Unauthorized: the bearer token is not valid.";
    public const string NoTools = "Forbidden: the access token grants no tool on this server; ask for a scope such as mcp:tools or mcp:tools:<tool>.";

    /// <summary>The message for an authentication failure (null: no credentials were sent).</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        null => Missing,
        SecurityTokenExpiredException => "Unauthorized: the access token has expired; get a new one from the identity provider.",
        SecurityTokenNotYetValidException => "Unauthorized: the access token is not valid yet (nbf); check the clocks.",
        SecurityTokenInvalidAudienceException =>
            "Unauthorized: the access token is for another audience (aud); ask for a token for this server (the resource in its /.well-known/oauth-protected-resource).",
        SecurityTokenInvalidIssuerException => "Unauthorized: the access token comes from an issuer this server does not trust (iss).",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "Unauthorized: the access token's signature is not valid.",
        SecurityTokenMalformedException or ArgumentException => "Unauthorized: the bearer token is not a well-formed JWT.",
        _ when failure.Message.StartsWith("Unauthorized:", StringComparison.Ordinal) => failure.Message,
        _ => "Unauthorized: the access token is not valid.",
    };
}
