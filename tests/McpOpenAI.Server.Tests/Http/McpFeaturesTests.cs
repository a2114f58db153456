using System.Collections.Concurrent;
using McpOpenAI.ConformanceFixtures;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Resources;
using McpOpenAI.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

// MCP9005: logging/setLevel and its notifications are deprecated in 2026-07-28; this server speaks 2025-11-25.
#pragma warning disable MCP9005

namespace McpOpenAI.Server.Tests.Http;

public sealed class McpFeaturesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpTestServer> StartAsync() => HttpTestServer.StartAsync(configureServices: s =>
    {
        s.AddPlugin<ConformancePlugin>("Conformance");
        s.AddSingleton<ConformanceResources>();
        s.AddSingleton<IResourceProvider>(sp => sp.GetRequiredService<ConformanceResources>());
    }, cancellationToken: Ct);

    [Fact]
    public async Task ToolLogs_AfterSetLevel_ReachTheCaller()
    {
        await using var server = await StartAsync();
        var logs = new ConcurrentQueue<string>();
        var client = await server.ConnectAsync(options: new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                NotificationHandlers = [new(NotificationMethods.LoggingMessageNotification, (n, _) =>
                {
                    logs.Enqueue(n.Params?.ToJsonString() ?? "");
                    return ValueTask.CompletedTask;
                })],
            },
        }, cancellationToken: Ct);

        await client.SetLoggingLevelAsync(new SetLevelRequestParams { Level = LoggingLevel.Debug }, Ct);
        await client.CallToolAsync("test_tool_with_logging", cancellationToken: Ct);

        await Eventually.WaitAsync(() => logs.Count >= 3, Ct);
        Assert.Contains(logs, l => l.Contains("Tool execution started"));
    }

    [Fact]
    public async Task ToolLogs_WithoutSetLevel_AreNotSent()
    {
        await using var server = await StartAsync();
        var logs = 0;
        var client = await server.ConnectAsync(options: new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                NotificationHandlers = [new(NotificationMethods.LoggingMessageNotification, (_, _) =>
                {
                    Interlocked.Increment(ref logs);
                    return ValueTask.CompletedTask;
                })],
            },
        }, cancellationToken: Ct);

        await client.CallToolAsync("test_tool_with_logging", cancellationToken: Ct);
        await client.PingAsync(cancellationToken: Ct);

        Assert.Equal(0, Volatile.Read(ref logs));
    }

    [Fact]
    public async Task Complete_PromptArgument_ReturnsAnArray()
    {
        await using var server = await StartAsync();
        var client = await server.ConnectAsync(cancellationToken: Ct);

        var result = await client.CompleteAsync(new PromptReference { Name = "no_such_prompt" }, "arg1", "te", cancellationToken: Ct);

        Assert.NotNull(result.Completion.Values);
        Assert.NotNull(client.ServerCapabilities.Completions);
    }

    [Fact]
    public async Task Subscribe_ThenResourceChanges_ClientIsToldWhichUri()
    {
        await using var server = await StartAsync();
        var updated = new ConcurrentQueue<string>();
        var client = await server.ConnectAsync(cancellationToken: Ct);
        await client.SubscribeToResourceAsync("test://watched-resource", (n, _) =>
        {
            updated.Enqueue(n.Uri);
            return ValueTask.CompletedTask;
        }, cancellationToken: Ct);

        // The update travels on the session's GET stream, which the client opens in the background after connecting;
        // a change made before that stream is open is not delivered (MCP keeps no backlog for it), so change it until one arrives.
        var resources = server.Services.GetRequiredService<ConformanceResources>();
        await Eventually.WaitAsync(() =>
        {
            if (updated.IsEmpty) resources.Touch();
            return !updated.IsEmpty;
        }, Ct);
        Assert.Equal("test://watched-resource", updated.First());
        Assert.True(client.ServerCapabilities.Resources?.Subscribe);
    }

    [Fact]
    public async Task ResourceProviderChanges_EveryHttpSessionIsToldTheListChanged()
    {
        await using var server = await StartAsync();
        var told = new int[2];
        var clients = new[] { await server.ConnectAsync(cancellationToken: Ct), await server.ConnectAsync(cancellationToken: Ct) };
        for (var i = 0; i < clients.Length; i++)
        {
            var index = i;
            clients[i].RegisterNotificationHandler(NotificationMethods.ResourceListChangedNotification, (_, _) =>
            {
                Interlocked.Increment(ref told[index]);
                return ValueTask.CompletedTask;
            });
        }

        // As above: a change made before a session's GET stream is open is not delivered, so change until both hear.
        var resources = server.Services.GetRequiredService<ConformanceResources>();
        await Eventually.WaitAsync(() =>
        {
            resources.Touch();
            return Volatile.Read(ref told[0]) > 0 && Volatile.Read(ref told[1]) > 0;
        }, Ct);
        Assert.True(clients[0].ServerCapabilities.Resources?.ListChanged);
    }

    [Fact]
    public async Task ReadResource_FromPluginAssemblyProvider_ReturnsText()
    {
        await using var server = await StartAsync();
        var client = await server.ConnectAsync(cancellationToken: Ct);

        var result = await client.ReadResourceAsync("test://static-text", cancellationToken: Ct);

        Assert.Contains("static text", Assert.IsType<TextResourceContents>(result.Contents[0]).Text);
    }
}
