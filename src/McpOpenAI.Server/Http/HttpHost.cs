using McpOpenAI.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace McpOpenAI.Server.Http;

/// <summary>
/// The ASP.NET Core host of <c>mcp-openai --http</c>: Kestrel on <see cref="HttpOptions.Url"/>, the same configuration,
/// kernel and MCP server as over stdio (<see cref="ServerHost.Configure"/>), and the HTTP pipeline.
/// </summary>
internal static class HttpHost
{
    /// <summary>The builder, for callers that add services before <see cref="Build(WebApplicationBuilder)"/>.</summary>
    /// <param name="configArgs">Command-line configuration.</param>
    /// <param name="userConfigFile">The per-user config file; default the user's own.</param>
    public static WebApplicationBuilder CreateBuilder(string[] configArgs, string? userConfigFile = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "mcp-openai", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore();
        HttpSettings? settings = null;
        ServerHost.Configure(builder, configArgs, mcp => settings = HttpTransport.Use(mcp, builder.Configuration), userConfigFile, metricsScrape: true);
        builder.WebHost.UseUrls(settings!.Address.BindUrl);
        return builder;
    }

    /// <summary>Builds the host with its pipeline.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        HttpPipeline.Configure(app);
        app.MapMcpOpenAIHealth();
        return app;
    }

    /// <summary>Builds the host that <c>--http</c> runs.</summary>
    /// <param name="configArgs">Command-line configuration.</param>
    public static WebApplication Build(string[] configArgs) => Build(CreateBuilder(configArgs));
}
