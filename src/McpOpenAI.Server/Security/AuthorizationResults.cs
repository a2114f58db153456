using McpOpenAI.Server.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Security;

/// <summary>
/// Answers a refused request as MCP clients expect: the scheme's challenge header (RFC 6750 <c>error</c> added when a
/// token was sent), and a JSON-RPC error body saying what was wrong and what to do.
/// </summary>
internal sealed class AuthorizationResults(JwtOptions jwt, ILogger<AuthorizationResults> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var message = AuthFailures.Describe((await context.AuthenticateAsync().ConfigureAwait(false)).Failure);
            await context.ChallengeAsync().ConfigureAwait(false);
            if (BearerHeader.IsPresent(context.Request))
            {
                AddError(context.Response, "error=\"invalid_token\"");
                logger.LogWarning("Refused a request from {Remote}: {Reason}", context.Connection.RemoteIpAddress, message);
            }
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, message).ConfigureAwait(false);
        }
        else if (authorizeResult.Forbidden)
        {
            // The challenge carries resource_metadata; RFC 6750 asks for insufficient_scope and the scope that would do.
            await context.ChallengeAsync().ConfigureAwait(false);
            AddError(context.Response, $"error=\"insufficient_scope\", scope=\"{jwt.AllToolsScope}\"");
            logger.LogWarning("Refused {Caller}: its access token grants no tool", context.User.Identity?.Name);
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status403Forbidden, AuthFailures.NoTools).ConfigureAwait(false);
        }
        else
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        }
    }

    private static void AddError(HttpResponse response, string parameters)
    {
        var challenge = response.Headers.WWWAuthenticate.ToString();
        response.Headers.WWWAuthenticate = challenge.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? $"Bearer {parameters}, {challenge[7..]}"
            : $"Bearer {parameters}";
    }
}
