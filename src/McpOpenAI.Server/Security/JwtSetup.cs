using McpOpenAI.Server.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace McpOpenAI.Server.Security;

/// <summary>Configures ASP.NET Core's JWT bearer handler from <see cref="JwtOptions"/>: issuer, audience, keys, and the caller's grants.</summary>
internal static class JwtSetup
{
    /// <summary>Throws <see cref="InvalidOperationException"/> when the settings cannot validate a token safely.</summary>
    public static void Validate(JwtOptions jwt, HttpOptions http, bool loopback)
    {
        if (string.IsNullOrWhiteSpace(jwt.Authority) && string.IsNullOrWhiteSpace(jwt.MetadataAddress) && string.IsNullOrWhiteSpace(jwt.Issuer))
            throw new InvalidOperationException("Http:Jwt:Issuer is required with Http:Jwt:SigningKey (there is no discovery document to read it from).");
        // The audience is otherwise taken from the Host the client used, which only an allow-list makes trustworthy.
        var hostsPinned = loopback || (http.AllowedHosts.Count > 0 && !http.AllowedHosts.Contains("*"));
        if (jwt.Audiences.Count == 0 && !hostsPinned)
            throw new InvalidOperationException(
                "Http:Jwt:Audiences is required on a non-loopback address (the URL clients use for this server, e.g. https://mcp.example.com/mcp), " +
                "unless Http:AllowedHosts names this server's hosts.");
    }

    /// <summary>The configured signing key, read now so that a bad one stops the start rather than the first request.</summary>
    public static SecurityKey? LoadSigningKey(JwtOptions jwt) => Blank(jwt.SigningKey) is { } key ? SigningKeys.Load(key) : null;

    /// <summary>Applies the settings to the handler's options.</summary>
    public static void Configure(JwtBearerOptions options, JwtOptions jwt, SecurityKey? signingKey)
    {
        // Claims keep their JWT names (sub, scope, scp), which is what the grants and the settings refer to.
        options.MapInboundClaims = false;
        options.Authority = Blank(jwt.Authority);
        options.MetadataAddress = Blank(jwt.MetadataAddress) ?? "";
        options.RequireHttpsMetadata = !IsLoopbackUrl(jwt.MetadataAddress ?? jwt.Authority);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = Blank(jwt.Issuer),
            ValidAudiences = jwt.Audiences,
            ValidateAudience = jwt.Audiences.Count > 0,
            RequireExpirationTime = true,
            NameClaimType = jwt.NameClaim,
            IssuerSigningKey = signingKey,
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (jwt.Audiences.Count == 0 && !IsForThisServer(context))
                {
                    context.Fail(new SecurityTokenInvalidAudienceException("The token's audience is not this server."));
                    return Task.CompletedTask;
                }
                context.HttpContext.Features.Set(JwtGrants.ToCaller(context.Principal!, jwt));
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                context.HttpContext.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(JwtSetup))
                    .LogWarning("Rejected an access token from {Remote}: {Reason}", context.HttpContext.Connection.RemoteIpAddress, context.Exception.GetType().Name);
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The metadata's <c>resource</c>: the first audience that is an http(s) URL; null lets it be the URL the client used.</summary>
    public static string? ConfiguredResource(JwtOptions jwt) =>
        jwt.Audiences.FirstOrDefault(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    /// <summary>The authorization server the metadata names: the authority, else the issuer.</summary>
    public static string? AuthorizationServer(JwtOptions jwt) => Blank(jwt.Authority) ?? Blank(jwt.Issuer);

    // The token must be for this server's URL as the client sees it (RFC 8707 resource indicators).
    private static bool IsForThisServer(TokenValidatedContext context)
    {
        var request = context.Request;
        var resource = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}".TrimEnd('/');
        return context.Principal!.FindAll("aud").Any(a => string.Equals(a.Value.TrimEnd('/'), resource, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool IsLoopbackUrl(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && ListenAddress.IsLoopbackHost(uri.Host);
}
