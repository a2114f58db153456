using McpOpenAI.Server.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

/// <summary>The Streamable HTTP transport: what <c>mcp-openai --http</c> serves, configured by the <c>Http</c> section.</summary>
internal static class HttpTransport
{
    /// <summary>Adds the HTTP endpoint, token authentication and the per-token filters.</summary>
    public static void Use(IMcpServerBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.SectionName);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HttpOptions>>().Value);
        services.AddSingleton<TokenRegistry>();
        services.AddSingleton<BearerAuthenticator>();
        services.AddSingleton<HttpSessionStore>();
        services.AddSingleton<ResumableStreams>();
        services.AddSingleton<HttpServerService>();
        services.AddHostedService(sp => sp.GetRequiredService<HttpServerService>());

        // First in the pipeline, so no later filter (a cache, say) answers a call the token may not make.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.SemanticKernel.IFunctionInvocationFilter, PermissionFilter>());
        services.Insert(1, ServiceDescriptor.Singleton<Microsoft.SemanticKernel.IFunctionInvocationFilter, RateLimitFilter>());
        services.Configure<McpServerOptions>(o => o.Filters.Request.ListToolsFilters.Add(ToolListFilter.Apply));
    }
}
