using McpOpenAI.Server.Security;
using Microsoft.Extensions.Configuration;

namespace McpOpenAI.Server.Http;

/// <summary>The <c>Http</c> section as read at start-up, with what follows from it: where to listen, whether callers must authenticate, whether any has a rate limit.</summary>
/// <param name="Options">The section.</param>
/// <param name="Address">Where to listen.</param>
/// <param name="Tokens">The configured tokens.</param>
internal sealed record HttpSettings(HttpOptions Options, ListenAddress Address, TokenRegistry Tokens)
{
    /// <summary>True when every MCP request must carry a configured token or a JWT access token.</summary>
    public bool Authenticated => Tokens.RequiresToken || Options.Jwt.Enabled;

    /// <summary>True when some caller has a limit on tool calls.</summary>
    public bool RateLimited => Options.Jwt.RequestsPerMinute > 0 || Tokens.Tokens.Any(t => t.RequestsPerMinute > 0);

    /// <summary>Reads and checks the settings; throws <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/> saying what to fix.</summary>
    public static HttpSettings Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(HttpOptions.SectionName).Get<HttpOptions>() ?? new HttpOptions();
        var settings = new HttpSettings(options, ListenAddress.Parse(options.Url), new TokenRegistry(configuration));
        if (!settings.Address.IsLoopback && !settings.Authenticated && !options.AllowUnauthenticated)
            throw new InvalidOperationException(
                $"Refusing to serve {settings.Address.Uri} without authentication: anyone who can reach it could call every tool. " +
                "Configure Http:Tokens (see mcp-openai hash-token) or Http:Jwt, listen on 127.0.0.1, or pass --allow-unauthenticated.");
        if (options.Jwt.Enabled)
            JwtSetup.Validate(options.Jwt, options, settings.Address.IsLoopback);
        return settings;
    }

    /// <summary>How callers authenticate, for the start-up line (never a token).</summary>
    public string Authentication => string.Join(" + ", new[]
    {
        Tokens.RequiresToken ? $"{Tokens.Tokens.Count} token(s)" : null,
        Options.Jwt.Enabled ? "JWT access tokens" : null,
    }.OfType<string>().DefaultIfEmpty("no authentication"));
}
