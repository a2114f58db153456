using System.Text.Json;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestPlugins;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Bridge;

public sealed class ToolListTests
{
    [Fact]
    public async Task ListTools_NativePlugin_HasSnakeCaseNamesSchemasAndAnnotations()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(cancellationToken: ct);

        var tools = await server.Client.ListToolsAsync(cancellationToken: ct);
        var time = tools.Single(t => t.Name == "get_current_time").ProtocolTool;

        Assert.Equal("Current time", time.Title);
        Assert.Contains("IANA time zone", time.Description);
        Assert.True(time.Annotations!.ReadOnlyHint);
        Assert.False(time.Annotations.OpenWorldHint);
        var properties = time.InputSchema.GetProperty("properties");
        Assert.True(properties.TryGetProperty("time_zone", out var zone));
        Assert.Contains("IANA", zone.GetProperty("description").GetString());
        Assert.False(time.InputSchema.TryGetProperty("required", out var required) && required.EnumerateArray().Any());
        var output = time.OutputSchema!.Value;
        Assert.Equal("object", output.GetProperty("type").GetString());
        Assert.True(output.GetProperty("properties").TryGetProperty("day_of_week", out _));
    }

    [Fact]
    public async Task ListTools_ProgressAndCancellationParameters_AreNotInTheSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(configureServices: s => s.AddTestPlugins(), cancellationToken: ct);

        var tool = (await server.Client.ListToolsAsync(cancellationToken: ct)).Single(t => t.Name == "report_progress").ProtocolTool;

        var names = tool.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["steps"], names);
        Assert.Equal(["steps"], tool.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task PluginAdded_WhileRunning_ClientIsNotifiedAndSeesTheNewTool()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(cancellationToken: ct);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var _ = server.Client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            changed.TrySetResult();
            return ValueTask.CompletedTask;
        });
        Assert.DoesNotContain(await server.Client.ListToolsAsync(cancellationToken: ct), t => t.Name == "report_progress");

        server.Kernel.Set(PluginFactory.Create(new DiagnosticsPlugin(), "Diagnostics"));

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Contains(await server.Client.ListToolsAsync(cancellationToken: ct), t => t.Name == "report_progress");
    }

    [Fact]
    public async Task ListTools_TwoPluginsShareAFunctionName_BothGetUniquePrefixedNames()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(cancellationToken: ct);
        server.Kernel.Set(PluginFactory.Create(new DuplicateNamePlugin(), "Other"));

        var names = (await server.Client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToArray();

        Assert.Contains("utility_text_stats", names);
        Assert.Contains("other_text_stats", names);
        Assert.DoesNotContain("text_stats", names);
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    private sealed class DuplicateNamePlugin
    {
        [Microsoft.SemanticKernel.KernelFunction("text_stats")]
        [System.ComponentModel.Description("A function whose name another plugin also uses.")]
        public string TextStats(string text) => text;
    }
}
