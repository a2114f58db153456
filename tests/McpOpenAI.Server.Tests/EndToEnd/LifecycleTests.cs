using System.Text.Json.Nodes;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.Server.Tests.Prompts;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>The MCP lifecycle as the real server keeps it over stdio, seen message by message.</summary>
public sealed class LifecycleTests
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
    private const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(800);

    [Fact]
    public async Task Start_InitializeIsTheFirstMessage_AndTheInitialLoadAnnouncesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        await using var server = RawStdioServer.Start(folder);

        await server.SendAsync(Initialize);
        var initialize = await server.ResponseAsync(1, ct);
        Assert.Same(initialize, server.Received[0]);
        Assert.True(initialize["result"]!["capabilities"]!["tools"]!["listChanged"]!.GetValue<bool>());

        // The plugins load in the background: a request before initialized gets nothing but its answer ...
        await server.SendAsync("""{"jsonrpc":"2.0","id":2,"method":"ping"}""");
        await server.ResponseAsync(2, ct);
        await server.SendAsync(Initialized);
        // ... and the first tools/list waits for the load and has every tool.
        await server.SendAsync("""{"jsonrpc":"2.0","id":3,"method":"tools/list"}""");
        var tools = (await server.ResponseAsync(3, ct))["result"]!["tools"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToArray();
        Assert.Contains("greet", tools);
        Assert.Contains("prompt_status", tools);
        Assert.Contains("generate_image", tools);
        await Task.Delay(Quiet, ct);

        Assert.Empty(server.Notifications);
    }

    [Fact]
    public async Task PromptFileEdits_OneListChangedPerBurst_AndNoneWhenTheListsAreUnchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        await using var server = RawStdioServer.Start(folder);
        await server.SendAsync(Initialize);
        await server.ResponseAsync(1, ct);
        await server.SendAsync(Initialized);
        await server.SendAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""");
        await server.ResponseAsync(2, ct);

        // Only the template body changes: the tool and the prompt look the same, so nothing is announced.
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet.Replace("in one sentence", "in two sentences", StringComparison.Ordinal));
        await Task.Delay(Quiet * 2, ct);
        Assert.Empty(server.Notifications);

        // A burst: three new files written one after another.
        folder.Write("prompts/Greeter/shout.yaml", PromptFiles.Shout);
        folder.Write("prompts/Greeter/whisper.yaml", PromptFiles.Shout.Replace("name: shout", "name: whisper", StringComparison.Ordinal));
        folder.Write("prompts/Greeter/mumble.yaml", PromptFiles.Shout.Replace("name: shout", "name: mumble", StringComparison.Ordinal));
        await Eventually.WaitAsync(() => server.Notifications.Length >= 2, ct);
        await Task.Delay(Quiet, ct);

        Assert.Equal(["notifications/prompts/list_changed", "notifications/tools/list_changed"], server.Notifications.Order(StringComparer.Ordinal));
        await server.SendAsync("""{"jsonrpc":"2.0","id":3,"method":"tools/list"}""");
        var tools = (await server.ResponseAsync(3, ct))["result"]!["tools"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToArray();
        Assert.Subset(tools.ToHashSet(), new HashSet<string> { "shout", "whisper", "mumble" });
    }
}
