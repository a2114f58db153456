using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpOpenAI.Server.Tests.Http;

/// <summary>An identity provider for tests: a signing key made at run time, and JWT access tokens signed with it.</summary>
internal sealed class TestJwtIssuer : IDisposable
{
    public const string Issuer = "https://idp.test";

    private readonly RSA _key = RSA.Create(2048);

    /// <summary>The signing key, with the id a JWKS names it by.</summary>
    public RsaSecurityKey SigningKey => new(_key) { KeyId = "test-key" };

    /// <summary>The public key, as the server is configured with it.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The server settings that trust this issuer.</summary>
    public string[] ServerConfig(params string[] more) => [$"--Http:Jwt:Issuer={Issuer}", $"--Http:Jwt:SigningKey={PublicKeyPem}", .. more];

    /// <summary>A token for <paramref name="audience"/> with the given scopes (space-separated), valid until <paramref name="expires"/> (default in 10 minutes).</summary>
    public string Mint(Uri audience, string? scope, string subject = "alice", DateTime? expires = null, IDictionary<string, object>? claims = null,
        RSA? signWith = null, string issuer = Issuer)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var all = new Dictionary<string, object>(claims ?? new Dictionary<string, object>());
        if (scope is not null)
            all["scope"] = scope;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience.ToString(),
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            Claims = all,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(signWith is null ? SigningKey : new RsaSecurityKey(signWith), SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => _key.Dispose();
}
