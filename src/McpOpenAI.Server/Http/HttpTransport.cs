using McpOpenAI.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

/// <summary>
/// The Streamable HTTP transport: what <c>mcp-openai --http</c> serves, configured by the <c>Http</c> section. The SDK's
/// ASP.NET Core transport (<c>WithHttpTransport</c>, mapped by <see cref="HttpPipeline"/>) keeps the sessions, their idle
/// timeout and cap, and the resumable event streams; ASP.NET Core authenticates and rate-limits the callers.
/// </summary>
internal static class HttpTransport
{
    /// <summary>Adds the MCP transport, authentication and the per-caller filters; returns the settings read.</summary>
    public static HttpSettings Use(IMcpServerBuilder builder, IConfiguration configuration)
    {
        var settings = HttpSettings.Read(configuration);
        var options = settings.Options;
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(settings.Tokens);
        services.AddSingleton(options.Jwt);
        services.AddSingleton<HttpServerAddress>();
        services.AddSingleton<McpSessions>();
        services.AddRouting();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = options.MaxRequestBodySize);

#pragma warning disable MCP9006 // Sessions (idle timeout, cap) are what 2025-11-25 clients use; we pin that revision.
#pragma warning disable MCPEXP002 // RunSessionHandler is how a session's server is known for its lifetime (list_changed to every session).
        builder.WithHttpTransport(o =>
        {
            o.Stateless = options.Stateless;
            o.IdleTimeout = options.IdleTimeout;
            o.MaxIdleSessionCount = options.MaxSessions;
        });
        services.AddOptions<HttpServerTransportOptions>()
            .Configure<McpSessions>((o, sessions) => o.RunSessionHandler = sessions.RunAsync);
#pragma warning restore MCPEXP002
#pragma warning restore MCP9006
        ResumableStreams.Add(builder, options);
        if (options.Stateless)
            services.AddSingleton<IOptionsFactory<McpServerOptions>>(sp => new SharedServerOptions(ActivatorUtilities.CreateInstance<OptionsFactory<McpServerOptions>>(sp)));

        if (settings.Authenticated)
            CallerAuthentication.Add(services, settings.Tokens, options.Jwt);
        if (settings.RateLimited)
            services.AddRateLimiter(o => o.AddPolicy<string, ToolCallRateLimit>(ToolCallRateLimit.Name));

        // First in the pipeline, so no later filter (a cache, say) answers a call the token may not make.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.SemanticKernel.IFunctionInvocationFilter, PermissionFilter>());
        services.Configure<McpServerOptions>(o => o.Filters.Request.ListToolsFilters.Add(ToolListFilter.Apply));
        return settings;
    }
}
