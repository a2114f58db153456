using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using McpOpenAI.Server.Security;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Http;

public sealed class HttpJwtTests : IDisposable
{
    private readonly TestJwtIssuer _idp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpTestServer> StartAsync(params string[] more) => HttpTestServer.StartAsync(_idp.ServerConfig(more), cancellationToken: Ct);

    private static Task<string> ErrorAsync(HttpResponseMessage response) => RawMcp.ErrorMessageAsync(response, Ct);

    [Fact]
    public async Task Post_WithoutToken_Returns401PointingToTheMetadata()
    {
        await using var server = await StartAsync();

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains($"resource_metadata=\"{MetadataUrl(server)}\"", challenge.Parameter);
        Assert.DoesNotContain("error=", challenge.Parameter);
        Assert.Contains("Authorization: Bearer", await ErrorAsync(response));
    }

    [Fact]
    public async Task Metadata_DescribesTheResourceItsIssuerAndScopes()
    {
        await using var server = await StartAsync();

        using var response = await server.Http.GetAsync(MetadataUrl(server), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = metadata.RootElement;
        Assert.Equal(server.Endpoint.ToString().TrimEnd('/'), root.GetProperty("resource").GetString());
        Assert.Equal([TestJwtIssuer.Issuer], root.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("mcp:tools", root.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["header"], root.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ValidToken_ListsAndCallsTools()
    {
        await using var server = await StartAsync();
        var client = await server.ConnectAsync(_idp.Mint(server.Endpoint, "openid mcp:tools"), cancellationToken: Ct);

        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var result = await client.CallToolAsync("text_stats", new Dictionary<string, object?> { ["text"] = "one two" }, cancellationToken: Ct);

        Assert.Contains(tools, t => t.Name == "get_current_time");
        Assert.NotEqual(true, result.IsError);
    }

    [Fact]
    public async Task Authority_KeysFromItsDiscoveryDocument_ValidateTokens()
    {
        await using var idp = await TestDiscoveryServer.StartAsync(_idp, Ct);
        await using var server = await HttpTestServer.StartAsync([$"--Http:Jwt:Authority={idp.Authority}"], cancellationToken: Ct);

        var client = await server.ConnectAsync(_idp.Mint(server.Endpoint, "mcp:tools", issuer: idp.Authority), cancellationToken: Ct);
        using var stranger = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize, token: _idp.Mint(server.Endpoint, "mcp:tools")), Ct);
        using var metadata = JsonDocument.Parse(await server.Http.GetStringAsync(MetadataUrl(server), Ct));

        Assert.NotEmpty(await client.ListToolsAsync(cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(idp.Authority, metadata.RootElement.GetProperty("authorization_servers")[0].GetString());
    }

    [Fact]
    public async Task ExpiredToken_Returns401SayingSo()
    {
        await using var server = await StartAsync();
        var token = _idp.Mint(server.Endpoint, "mcp:tools", expires: DateTime.UtcNow.AddMinutes(-10));

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize, token: token), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single().Parameter);
        Assert.Contains("resource_metadata=", response.Headers.WwwAuthenticate.Single().Parameter);
        Assert.Contains("expired", await ErrorAsync(response));
    }

    [Fact]
    public async Task TokenForAnotherAudience_Returns401()
    {
        await using var server = await StartAsync();
        var token = _idp.Mint(new Uri("https://other.example.com/mcp"), "mcp:tools");

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize, token: token), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("another audience", await ErrorAsync(response));
    }

    [Fact]
    public async Task ConfiguredAudience_IsTheOneAccepted()
    {
        await using var server = await StartAsync("--Http:Jwt:Audiences:0=https://mcp.example.com/mcp");

        using var ours = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize,
            token: _idp.Mint(new Uri("https://mcp.example.com/mcp"), "mcp:tools")), Ct);
        using var local = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize, token: _idp.Mint(server.Endpoint, "mcp:tools")), Ct);

        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, local.StatusCode);
    }

    [Fact]
    public async Task TokenSignedByAnotherKey_Returns401()
    {
        await using var server = await StartAsync();
        using var stranger = RSA.Create(2048);

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize,
            token: _idp.Mint(server.Endpoint, "mcp:tools", signWith: stranger)), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature", await ErrorAsync(response));
    }

    [Fact]
    public async Task ScopeForOneTool_ListsOnlyItAndRefusesOthers()
    {
        await using var server = await StartAsync();
        var client = await server.ConnectAsync(_idp.Mint(server.Endpoint, "mcp:tools:text_stats"), cancellationToken: Ct);

        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var refused = await client.CallToolAsync("get_current_time", cancellationToken: Ct);

        Assert.Equal(["text_stats"], tools.Select(t => t.Name));
        Assert.True(refused.IsError);
        Assert.Contains("permission_denied", Assert.IsType<TextContentBlock>(refused.Content[0]).Text);
    }

    [Fact]
    public async Task PluginScopeAndToolsClaim_GrantWhatTheyName()
    {
        await using var server = await StartAsync();
        var token = _idp.Mint(server.Endpoint, "mcp:plugins:Utility", claims: new Dictionary<string, object> { ["mcp_tools"] = new[] { "list_tables" } });
        var client = await server.ConnectAsync(token, cancellationToken: Ct);

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();

        Assert.Contains("text_stats", tools);
        Assert.Contains("get_current_time", tools);
        Assert.Contains("list_tables", tools);
        Assert.DoesNotContain("chat", tools);
    }

    [Fact]
    public async Task TokenWithoutAnyToolScope_Returns403InsufficientScope()
    {
        await using var server = await StartAsync();

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize, token: _idp.Mint(server.Endpoint, "openid profile")), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.Single().Parameter;
        Assert.Contains("error=\"insufficient_scope\"", challenge);
        Assert.Contains("scope=\"mcp:tools\"", challenge);
        Assert.Contains("grants no tool", await ErrorAsync(response));
    }

    [Fact]
    public async Task Session_UsedByAnotherSubject_Returns403()
    {
        await using var server = await StartAsync();
        var session = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct, _idp.Mint(server.Endpoint, "mcp:tools", subject: "alice"));

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools, sessionId: session,
            token: _idp.Mint(server.Endpoint, "mcp:tools", subject: "mallory")), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ConfiguredTokensAndJwts_BothAuthenticate()
    {
        const string Token = "configured-test-token";
        await using var server = await StartAsync("--Http:Tokens:0:Name=ci", $"--Http:Tokens:0:Sha256={TokenHasher.Hash(Token)}");

        var byToken = await server.ConnectAsync(Token, cancellationToken: Ct);
        var byJwt = await server.ConnectAsync(_idp.Mint(server.Endpoint, "mcp:tools"), cancellationToken: Ct);

        Assert.NotEmpty(await byToken.ListToolsAsync(cancellationToken: Ct));
        Assert.NotEmpty(await byJwt.ListToolsAsync(cancellationToken: Ct));
    }

    [Theory]
    [InlineData("Bearer not.a.jwt", "well-formed")]
    [InlineData("Bearer ", "must be 'Bearer <token>'")]
    [InlineData("Basic dXNlcjpwYXNz", "must be 'Bearer")]
    public async Task MalformedCredentials_Return401AndTheServerKeepsServing(string authorization, string expected)
    {
        await using var server = await StartAsync("--Http:Tokens:0:Name=ci", $"--Http:Tokens:0:Sha256={TokenHasher.Hash("x")}");
        using var request = RawMcp.Post(server.Endpoint, RawMcp.Initialize);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await server.Http.SendAsync(request, Ct);
        var client = await server.ConnectAsync(_idp.Mint(server.Endpoint, "mcp:tools"), cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(expected, await ErrorAsync(response));
        await client.PingAsync(cancellationToken: Ct);
    }

    [Fact]
    public async Task RateLimitPerSubject_OverLimitCallGetsRateLimited()
    {
        await using var server = await StartAsync("--Http:Jwt:RequestsPerMinute=1");
        var client = await server.ConnectAsync(_idp.Mint(server.Endpoint, "mcp:tools"), cancellationToken: Ct);
        var args = new Dictionary<string, object?> { ["text"] = "x" };

        var first = await client.CallToolAsync("text_stats", args, cancellationToken: Ct);
        var second = await client.CallToolAsync("text_stats", args, cancellationToken: Ct);

        Assert.NotEqual(true, first.IsError);
        Assert.True(second.IsError);
        Assert.Contains("rate_limited", Assert.IsType<TextContentBlock>(second.Content[0]).Text);
    }

    private static string MetadataUrl(HttpTestServer server) => new Uri(server.Endpoint, "/.well-known/oauth-protected-resource" + server.Endpoint.AbsolutePath).ToString();

    public void Dispose() => _idp.Dispose();
}
