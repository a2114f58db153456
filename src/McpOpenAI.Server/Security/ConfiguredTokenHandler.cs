using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Server.Security;

/// <summary>
/// The authentication scheme for the configured tokens (<c>Http:Tokens</c>): the bearer token's SHA-256 is looked up;
/// the token itself is never logged or kept. The caller's grants go on the request as an <see cref="AccessToken"/> feature.
/// </summary>
internal sealed class ConfiguredTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    TokenRegistry registry) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerHeader.IsPresent(Request))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (BearerHeader.Read(Request) is not { } presented)
            return Task.FromResult(AuthenticateResult.Fail(AuthFailures.NotBearer));
        if (registry.Find(presented) is not { } token)
        {
            Logger.LogWarning("Rejected a request from {Remote}: unknown bearer token", Context.Connection.RemoteIpAddress);
            return Task.FromResult(AuthenticateResult.Fail(AuthFailures.UnknownToken));
        }

        Context.Features.Set(token);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, token.Name), new Claim(ClaimTypes.Name, token.Name)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"mcp-openai\"";
        return base.HandleChallengeAsync(properties);
    }
}
