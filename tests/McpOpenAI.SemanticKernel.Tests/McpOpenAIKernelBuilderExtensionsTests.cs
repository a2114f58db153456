using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Configuration;
using McpOpenAI.SemanticKernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using PluginApps.Tests.Infrastructure;

namespace PluginApps.Tests;

public sealed class McpOpenAIKernelBuilderExtensionsTests(SampleDataFolder data)
{
    // The MCP server's tools/list for its native plugins: an SK app gets these very functions.
    private static readonly string[] ServerTools =
    [
        "list_tables", "describe_table", "run_query", "get_schema_summary",
        "chat", "analyze_image", "embed", "moderate", "get_config_status", "configure", "list_models",
        "batch_generate_images", "generate_image", "edit_image", "list_image_threads", "create_variations", "generate_3d_model",
        "search_documents", "read_document", "web_search",
        "get_customer", "get_order", "search_kb", "create_ticket", "get_ticket", "escalate",
        "get_current_time", "text_stats",
        "cache_stats", "clear_cache", "get_usage",
    ];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task AddMcpOpenAIPlugins_NoNames_ImportsEveryPluginWithTheServersFunctions()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);

        var kernel = Kernel.CreateBuilder().AddMcpOpenAIPlugins(app.Configuration).Build();

        Assert.Equal(McpOpenAIPlugins.All.Order(), kernel.Plugins.Select(p => p.Name).Order());
        Assert.Equal(ServerTools.Order(), kernel.Plugins.SelectMany(p => p).Select(f => f.Name).Order());
        Assert.All(kernel.Plugins.SelectMany(p => p), f => Assert.Same(KernelJson.Options, f.JsonSerializerOptions));
    }

    [Fact(Timeout = 60_000)]
    public async Task AddMcpOpenAIPlugins_SameFunctionsAsTheServersRegistration()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);
        var services = new ServiceCollection();
        services.AddKernelHost();
        services.AddMcpOpenAIPluginServices(app.Configuration);
        var server = services.BuildServiceProvider().GetRequiredService<KernelHost>().Kernel;

        var kernel = Kernel.CreateBuilder().AddMcpOpenAIPlugins(app.Configuration).Build();

        Assert.Equal(Describe(server), Describe(kernel));
    }

    [Fact(Timeout = 60_000)]
    public async Task AddMcpOpenAIPlugins_NamedSubset_ImportsOnlyThose()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);

        var kernel = Kernel.CreateBuilder().AddMcpOpenAIPlugins(app.Configuration, "database", McpOpenAIPlugins.Utility).Build();

        Assert.Equal([McpOpenAIPlugins.Database, McpOpenAIPlugins.Utility], kernel.Plugins.Select(p => p.Name).Order());
    }

    [Fact(Timeout = 60_000)]
    public async Task AddMcpOpenAIPlugins_UnknownName_ThrowsNamingThePlugins()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);

        var error = Assert.Throws<ArgumentException>(() => Kernel.CreateBuilder().AddMcpOpenAIPlugins(app.Configuration, "Weather"));

        Assert.Contains("'Weather'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Utility, Database, OpenAI, Research, Support", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task AddMcpOpenAIPlugins_CalledTwice_ImportsEachPluginOnce()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);

        var kernel = Kernel.CreateBuilder()
            .AddMcpOpenAIPlugins(app.Configuration, McpOpenAIPlugins.Database)
            .AddMcpOpenAIPlugins(app.Configuration)
            .Build();

        Assert.Equal(McpOpenAIPlugins.All.Order(), kernel.Plugins.Select(p => p.Name).Order());
    }

    [Fact(Timeout = 60_000)]
    public async Task AddMcpOpenAIPlugins_AfterAddMcpOpenAIPluginServices_StillImportsThePlugin()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddMcpOpenAIPluginServices(app.Configuration, McpOpenAIPlugins.Utility);

        var kernel = builder.AddMcpOpenAIPlugins(app.Configuration, McpOpenAIPlugins.Utility).Build();

        Assert.Equal([McpOpenAIPlugins.Utility], kernel.Plugins.Select(p => p.Name));
    }

    [Fact(Timeout = 120_000)]
    public async Task InvokeAsync_RunQuery_ReturnsRowsOfTheSampleDatabase()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);
        var kernel = Kernel.CreateBuilder().AddMcpOpenAIPlugins(app.Configuration, McpOpenAIPlugins.Database).Build();

        var result = await kernel.InvokeAsync(McpOpenAIPlugins.Database, "run_query", new()
        {
            ["sql"] = "SELECT name, revenue FROM customer_revenue ORDER BY revenue DESC LIMIT 3",
        }, Cancellation);

        var rows = result.GetValue<McpOpenAI.Plugins.Database.Results.QueryResult>()!;
        Assert.Equal(["name", "revenue"], rows.Columns);
        Assert.Equal(3, rows.RowCount);
        Assert.All(rows.Rows, row => Assert.False(string.IsNullOrWhiteSpace(row[0] as string)));
        Assert.True(Convert.ToDouble(rows.Rows[0][1], System.Globalization.CultureInfo.InvariantCulture) >= Convert.ToDouble(rows.Rows[2][1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, app.OpenAI.RequestCount());
    }

    [Fact(Timeout = 60_000)]
    public async Task InvokeAsync_ListModels_ReachesTheConfiguredOpenAI()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);
        var kernel = Kernel.CreateBuilder().AddMcpOpenAIPlugins(app.Configuration, McpOpenAIPlugins.OpenAI).Build();

        var result = await kernel.InvokeAsync(McpOpenAIPlugins.OpenAI, "list_models", cancellationToken: Cancellation);

        var models = result.GetValue<ModelListResult>()!;
        Assert.Equal(app.OpenAI.Models.Count, models.Count);
        Assert.Equal(1, app.OpenAI.RequestCount("models"));
    }

    private static string[] Describe(Kernel kernel) =>
        [.. kernel.Plugins.SelectMany(p => p).Select(f =>
            $"{f.PluginName}.{f.Name}: {f.Description} {f.JsonSchema.GetRawText()} {ToolSchema.Of(f).InputSchema.GetRawText()} {ToolSchema.Of(f).OutputSchema?.GetRawText()}")
            .Order(StringComparer.Ordinal)];
}
