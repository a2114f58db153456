using McpOpenAI.Server.Security;
using McpOpenAI.Server.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

/// <summary>
/// The request pipeline: Host/Origin checks, the body size limit, the protocol-version header, authentication and
/// authorization, the caller's grants, the per-caller rate limit, then the SDK's MCP endpoint (<c>MapMcp</c>) on the
/// configured path, and the Prometheus scrape at <c>/metrics</c> (under the same authentication, outside the MCP path's
/// rate limit); any other path gets a JSON-RPC 404.
/// </summary>
internal static class HttpPipeline
{
    public static void Configure(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<HttpSettings>();
        var path = settings.Address.Path;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("McpOpenAI.Server.Http");

        app.Use(new RequestGuard(settings.Options, settings.Address.IsLoopback, logger).InvokeAsync);
        app.Use(new BodySizeLimit(settings.Options.MaxRequestBodySize).InvokeAsync);
        app.Use(new ProtocolVersionHeader(app.Services.GetRequiredService<IOptions<McpServerOptions>>().Value.ProtocolVersion).InvokeAsync);
        app.UseRouting();
        if (settings.Authenticated)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        app.Use(CallerScope.InvokeAsync);
        if (settings.RateLimited)
        {
            app.Use(ToolCallPeek.InvokeAsync);
            app.UseRateLimiter();
        }

        var mcp = app.MapMcp(path);
        if (settings.Authenticated)
            mcp.RequireAuthorization(CallerAuthentication.Policy);
        if (settings.RateLimited)
            mcp.RequireRateLimiting(ToolCallRateLimit.Name);
        var metrics = app.MapMcpOpenAIMetrics();
        if (settings.Authenticated)
            metrics.RequireAuthorization(CallerAuthentication.Policy);
        app.MapFallback(context => JsonRpcErrors.WriteAsync(context, StatusCodes.Status404NotFound, $"Not Found: MCP is served at {path}."));

        var address = app.Services.GetRequiredService<HttpServerAddress>();
        app.Lifetime.ApplicationStarted.Register(() => address.Announce(app.Services.GetRequiredService<IServer>()));
        app.Lifetime.ApplicationStopping.Register(() => logger.LogInformation("Stopping: finishing running calls (at most {Timeout})", settings.Options.ShutdownTimeout));
    }
}
