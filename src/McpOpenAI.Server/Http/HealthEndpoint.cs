using McpOpenAI.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Http;

/// <summary>
/// <c>GET /healthz</c> for load balancers, container runtimes and orchestrators: 200 <c>{"status":"ok"}</c> once the plugins,
/// prompts and agents are loaded, 503 <c>starting</c> while they load and 503 <c>failed</c> when they could not be. It needs no
/// token and says nothing about the configuration beyond the server's version.
/// </summary>
internal static class HealthEndpoint
{
    /// <summary>The path, outside the MCP endpoint's.</summary>
    public const string Path = "/healthz";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointConventionBuilder MapMcpOpenAIHealth(this IEndpointRouteBuilder endpoints)
    {
        var startup = endpoints.ServiceProvider.GetRequiredService<KernelStartup>();
        return endpoints.MapGet(Path, () =>
        {
            var (status, code) = startup.Ready.Status switch
            {
                TaskStatus.RanToCompletion => ("ok", StatusCodes.Status200OK),
                TaskStatus.Faulted or TaskStatus.Canceled => ("failed", StatusCodes.Status503ServiceUnavailable),
                _ => ("starting", StatusCodes.Status503ServiceUnavailable),
            };
            return Results.Text($$"""{"status":"{{status}}","version":"{{ServerHost.Version}}"}""", "application/json", statusCode: code);
        });
    }
}
