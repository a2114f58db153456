using McpOpenAI.Server.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Security;

/// <summary>
/// Answers a refused request as MCP clients expect: the scheme's challenge header, and a JSON-RPC error body saying
/// what was wrong and what to do.
/// </summary>
internal sealed class AuthorizationResults(ILogger<AuthorizationResults> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var message = AuthFailures.Describe((await context.AuthenticateAsync().ConfigureAwait(false)).Failure);
            await context.ChallengeAsync().ConfigureAwait(false);
            if (BearerHeader.IsPresent(context.Request))
                logger.LogWarning("Refused a request from {Remote}: {Reason}", context.Connection.RemoteIpAddress, message);
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, message).ConfigureAwait(false);
        }
        else
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        }
    }
}
