using McpOpenAI.Server.Tests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>The real server process over stdio, as Claude Desktop or VS Code runs it.</summary>
public sealed class StdioBridgeTests
{
    [Fact]
    public async Task Stdio_ListAndCall_WorksWithNoApiKey()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync(folder, cancellationToken: ct);

        var tools = await server.Client.ListToolsAsync(cancellationToken: ct);
        var result = await server.Client.CallToolAsync("text_stats", new Dictionary<string, object?> { ["text"] = "a b c" }, cancellationToken: ct);

        Assert.Contains(tools, t => t.Name == "get_current_time");
        Assert.Equal(3, result.StructuredContent!.Value.GetProperty("words").GetInt32());
        Assert.Equal("mcp-openai", server.Client.ServerInfo!.Name);
    }

    [Fact]
    public async Task Stdio_PluginAssemblyFromConfiguration_ProgressAndCancellationReachTheFunction()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var marker = folder.Combine("cancelled.txt");
        await using var server = await ServerProcess.StartAsync(folder,
            new Dictionary<string, string?> { ["Server__PluginAssemblies__0"] = ServerProcess.TestPluginsDll }, cancellationToken: ct);

        await using (var steps = ProgressLog.Attach(server.Client))
        {
            var done = await server.Client.CallToolAsync("report_progress", new Dictionary<string, object?> { ["steps"] = 3 }, steps, cancellationToken: ct);
            Assert.Equal("done 3", ((TextContentBlock)done.Content[0]).Text);
            await steps.WaitForCountAsync(3, ct);
            Assert.Equal(["step 1", "step 2", "step 3"], steps.Messages);
        }

        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handler = server.Client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (_, _) =>
        {
            waiting.TrySetResult();
            return ValueTask.CompletedTask;
        });
        _ = ExplicitCancellation.StartCallAsync(server.Client, "wait-1", "wait_until_cancelled", new() { ["marker_path"] = marker }, "p-wait", ct);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
        await ExplicitCancellation.CancelAsync(server.Client, "wait-1", ct);

        // The function writes the marker after its token is cancelled; wait for the whole word, not just the file.
        await Eventually.WaitAsync(() => File.Exists(marker) && File.ReadAllText(marker) == "cancelled", ct);
    }
}
