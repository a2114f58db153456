using McpOpenAI.BareServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

if (args is ["--http", var url, ..])
{
    var web = WebApplication.CreateSlimBuilder();
    web.Logging.ClearProviders();
    web.WebHost.UseUrls(url.Replace("/mcp", "", StringComparison.Ordinal));
    web.Services.AddMcpServer().WithHttpTransport(o => o.Stateless = args.Contains("--stateless")).WithTools<BareTools>();
    var app = web.Build();
    app.MapMcp("/mcp");
    await app.RunAsync();
    return;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddMcpServer().WithStdioServerTransport().WithTools<BareTools>();
await builder.Build().RunAsync();
