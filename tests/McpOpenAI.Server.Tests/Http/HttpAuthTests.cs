using System.Net;
using McpOpenAI.Server.Security;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Http;

public sealed class HttpAuthTests
{
    private const string AdminToken = "admin-secret-token";
    private const string LimitedToken = "limited-secret-token";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Tokens(int limitedPerMinute = 0) =>
    [
        "--Http:Tokens:0:Name=admin", $"--Http:Tokens:0:Sha256={TokenHasher.Hash(AdminToken)}",
        "--Http:Tokens:1:Name=limited", $"--Http:Tokens:1:Sha256={TokenHasher.Hash(LimitedToken)}",
        "--Http:Tokens:1:AllowedTools:0=text_stats", $"--Http:Tokens:1:RequestsPerMinute={limitedPerMinute}",
    ];

    [Fact]
    public async Task Post_WithoutToken_Returns401WithChallenge()
    {
        await using var server = await HttpTestServer.StartAsync(Tokens(), cancellationToken: Ct);

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Post_UnknownToken_Returns401()
    {
        await using var server = await HttpTestServer.StartAsync(Tokens(), cancellationToken: Ct);

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize, token: "guess"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListTools_LimitedToken_ShowsOnlyAllowedTools()
    {
        await using var server = await HttpTestServer.StartAsync(Tokens(), cancellationToken: Ct);
        var admin = await server.ConnectAsync(AdminToken, cancellationToken: Ct);
        var limited = await server.ConnectAsync(LimitedToken, cancellationToken: Ct);

        var all = await admin.ListToolsAsync(cancellationToken: Ct);
        var few = await limited.ListToolsAsync(cancellationToken: Ct);

        Assert.True(all.Count > 1);
        Assert.Equal(["text_stats"], few.Select(t => t.Name));
    }

    [Fact]
    public async Task CallTool_OutsideAllowList_ReturnsPermissionDenied()
    {
        await using var server = await HttpTestServer.StartAsync(Tokens(), cancellationToken: Ct);
        var limited = await server.ConnectAsync(LimitedToken, cancellationToken: Ct);

        var result = await limited.CallToolAsync("get_current_time", cancellationToken: Ct);

        Assert.True(result.IsError);
        var text = Assert.IsType<TextContentBlock>(result.Content[0]).Text;
        Assert.Contains("permission_denied", text);
        Assert.DoesNotContain(LimitedToken, text);
    }

    [Fact]
    public async Task CallTool_OverRateLimit_ReturnsRateLimited()
    {
        await using var server = await HttpTestServer.StartAsync(Tokens(limitedPerMinute: 2), cancellationToken: Ct);
        var limited = await server.ConnectAsync(LimitedToken, cancellationToken: Ct);
        var args = new Dictionary<string, object?> { ["text"] = "x" };

        var first = await limited.CallToolAsync("text_stats", args, cancellationToken: Ct);
        var second = await limited.CallToolAsync("text_stats", args, cancellationToken: Ct);
        var third = await limited.CallToolAsync("text_stats", args, cancellationToken: Ct);

        Assert.NotEqual(true, first.IsError);
        Assert.NotEqual(true, second.IsError);
        Assert.True(third.IsError);
        Assert.Contains("rate_limited", Assert.IsType<TextContentBlock>(third.Content[0]).Text);
    }

    [Fact]
    public async Task Session_UsedWithAnotherToken_Returns403()
    {
        await using var server = await HttpTestServer.StartAsync(Tokens(), cancellationToken: Ct);
        var session = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct, AdminToken);

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools, sessionId: session, token: LimitedToken), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void Hash_KnownToken_IsItsSha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenHasher.Hash("abc"));
        Assert.StartsWith("mcpo_", TokenHasher.NewToken());
    }
}
