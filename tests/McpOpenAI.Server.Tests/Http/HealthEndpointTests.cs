using System.Net;
using System.Text.Json;
using McpOpenAI.Server.Hosting;
using McpOpenAI.Server.Http;
using McpOpenAI.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Tests.Http;

public sealed class HealthEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_OnceLoaded_IsOkWithTheVersion_AndNeedsNoToken()
    {
        // Tokens configured: the MCP endpoint wants one, the health endpoint does not.
        await using var server = await HttpTestServer.StartAsync(["--Http:Tokens:0:Name=alice", $"--Http:Tokens:0:Sha256={TokenHasher.Hash("a-token-nobody-sends")}"], cancellationToken: Ct);
        await server.Services.GetRequiredService<KernelStartup>().Ready.WaitAsync(Ct);

        using var response = await server.Http.GetAsync(new Uri(server.Endpoint, HealthEndpoint.Path), Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        using var mcp = await server.Http.GetAsync(server.Endpoint, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(ServerHost.Version, body.RootElement.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, mcp.StatusCode);
    }
}
