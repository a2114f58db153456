using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Security;

/// <summary>Checks the <c>Authorization: Bearer</c> header against the configured tokens. The token itself is never logged.</summary>
internal sealed class BearerAuthenticator(TokenRegistry registry, ILogger<BearerAuthenticator> logger)
{
    /// <summary>
    /// Authenticates the request: true with the token (null when no tokens are configured), or false with
    /// the reason, after which the caller answers 401.
    /// </summary>
    public bool TryAuthenticate(HttpContext context, out AccessToken? token, out string? error)
    {
        token = null;
        error = null;
        if (!registry.RequiresToken)
            return true;

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            error = "Unauthorized: send Authorization: Bearer <token>.";
            return false;
        }
        token = registry.Find(header[7..]);
        if (token is null)
        {
            logger.LogWarning("Rejected a request from {Remote}: unknown bearer token", context.Connection.RemoteIpAddress);
            error = "Unauthorized: the bearer token is not valid.";
            return false;
        }

        context.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, token.Name), new Claim(ClaimTypes.Name, token.Name)], "Bearer"));
        return true;
    }
}
