using McpOpenAI.Server.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.AspNetCore.Authentication;

namespace McpOpenAI.Server.Security;

/// <summary>
/// ASP.NET Core authentication and authorization for the MCP endpoint: the configured tokens as one scheme, JWT access
/// tokens as another (JwtBearer), a policy scheme that picks between them by the token's shape, and one authorization
/// policy. With JWTs the SDK's MCP scheme answers challenges (<c>WWW-Authenticate: Bearer resource_metadata="…"</c>) and
/// serves the protected-resource metadata (RFC 9728) at <c>/.well-known/oauth-protected-resource</c>.
/// </summary>
internal static class CallerAuthentication
{
    /// <summary>The default scheme: forwards to <see cref="TokensScheme"/> or <see cref="JwtScheme"/>.</summary>
    public const string Scheme = "mcp-openai";

    /// <summary>The configured tokens (<c>Http:Tokens</c>).</summary>
    public const string TokensScheme = "mcp-openai-tokens";

    /// <summary>JWT access tokens (<c>Http:Jwt</c>).</summary>
    public const string JwtScheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The policy the MCP endpoint requires: an authenticated caller that may call at least one tool.</summary>
    public const string Policy = "mcp-openai-caller";

    /// <summary>Registers the schemes and the policy.</summary>
    public static void Add(IServiceCollection services, TokenRegistry tokens, JwtOptions jwt)
    {
        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = Scheme;
            o.DefaultChallengeScheme = jwt.Enabled ? McpAuthenticationDefaults.AuthenticationScheme : TokensScheme;
        });
        authentication.AddPolicyScheme(Scheme, "McpOpenAI callers", o => o.ForwardDefaultSelector = context =>
            jwt.Enabled && (!tokens.RequiresToken || BearerHeader.LooksLikeJwt(BearerHeader.Read(context.Request))) ? JwtScheme : TokensScheme);
        if (tokens.RequiresToken)
            authentication.AddScheme<AuthenticationSchemeOptions, ConfiguredTokenHandler>(TokensScheme, null);
        if (jwt.Enabled)
        {
            var signingKey = JwtSetup.LoadSigningKey(jwt);
            authentication.AddJwtBearer(JwtScheme, o => JwtSetup.Configure(o, jwt, signingKey));
            authentication.AddMcp(o =>
            {
                o.ForwardAuthenticate = Scheme;
                o.ResourceMetadata = new()
                {
                    Resource = JwtSetup.ConfiguredResource(jwt),
                    AuthorizationServers = JwtSetup.AuthorizationServer(jwt) is { } server ? [server] : [],
                    ScopesSupported = [jwt.AllToolsScope],
                    ResourceName = "McpOpenAI",
                };
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.Resource is HttpContext http && http.Features.Get<AccessToken>() is { AllowsAnything: true }));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationResults>();
    }
}
