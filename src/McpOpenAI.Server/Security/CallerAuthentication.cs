using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Security;

/// <summary>ASP.NET Core authentication and authorization for the MCP endpoint: the configured tokens as a scheme, and one authorization policy.</summary>
internal static class CallerAuthentication
{
    /// <summary>The configured tokens (<c>Http:Tokens</c>).</summary>
    public const string TokensScheme = "mcp-openai-tokens";

    /// <summary>The policy the MCP endpoint requires: an authenticated caller.</summary>
    public const string Policy = "mcp-openai-caller";

    /// <summary>Registers the scheme and the policy.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(TokensScheme).AddScheme<AuthenticationSchemeOptions, ConfiguredTokenHandler>(TokensScheme, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationResults>();
    }
}
