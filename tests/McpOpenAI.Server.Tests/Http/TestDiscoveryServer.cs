using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace McpOpenAI.Server.Tests.Http;

/// <summary>An identity provider's discovery document and JWKS on a loopback port, for the Authority configuration.</summary>
internal sealed class TestDiscoveryServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestDiscoveryServer(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>The issuer URL (with a trailing slash), as the MCP server is configured with it.</summary>
    public string Authority { get; }

    public static async Task<TestDiscoveryServer> StartAsync(TestJwtIssuer issuer, CancellationToken ct)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRouting();
        var app = builder.Build();
        var authority = "";
        var publicKey = new RsaSecurityKey(issuer.SigningKey.Rsa!.ExportParameters(includePrivateParameters: false)) { KeyId = issuer.SigningKey.KeyId };
        var jwks = JsonSerializer.Serialize(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey) } });
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string> { ["issuer"] = authority, ["jwks_uri"] = authority + "jwks" }));
        app.MapGet("/jwks", () => Results.Text(jwks, "application/json"));
        await app.StartAsync(ct);
        authority = app.Urls.First() + "/";
        return new TestDiscoveryServer(app, authority);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
