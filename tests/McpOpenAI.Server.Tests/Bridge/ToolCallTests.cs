using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestPlugins;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Bridge;

public sealed class ToolCallTests
{
    [Fact]
    public async Task CallTool_ObjectResult_ReturnsStructuredContentAndJsonText()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(cancellationToken: ct);

        var result = await server.Client.CallToolAsync("text_stats", new Dictionary<string, object?> { ["text"] = "One two. Three!" }, cancellationToken: ct);

        Assert.NotEqual(true, result.IsError);
        var structured = result.StructuredContent!.Value;
        Assert.Equal(3, structured.GetProperty("words").GetInt32());
        Assert.Equal(2, structured.GetProperty("sentences").GetInt32());
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Equal(15, JsonDocument.Parse(text).RootElement.GetProperty("characters").GetInt32());
        // The text copy is the structured content itself, compact: no indentation for the model to read as tokens.
        Assert.True(JsonElement.DeepEquals(structured, JsonDocument.Parse(text).RootElement));
        Assert.DoesNotContain('\n', text);
        Assert.DoesNotContain(": ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallTool_InvalidArgument_ReturnsToolErrorNamingArgumentAndExample()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(cancellationToken: ct);

        var result = await server.Client.CallToolAsync("get_current_time", new Dictionary<string, object?> { ["time_zone"] = "Mars/Olympus" }, cancellationToken: ct);

        Assert.True(result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith("Error (invalid_argument): Invalid argument 'time_zone'", text);
        Assert.Contains("Mars/Olympus", text);
        Assert.Contains("Example: time_zone=Europe/Paris", text);
    }

    [Fact]
    public async Task CallTool_MissingRequiredArgument_ReturnsInvalidArgument()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(cancellationToken: ct);

        var result = await server.Client.CallToolAsync("text_stats", new Dictionary<string, object?>(), cancellationToken: ct);

        Assert.True(result.IsError);
        var text = ((TextContentBlock)result.Content[0]).Text;
        Assert.StartsWith("Error (invalid_argument): Invalid argument 'text': a value is required", text);
    }

    [Fact]
    public async Task CallTool_WrongArgumentType_ReturnsInvalidArgument()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(configureServices: s => s.AddTestPlugins(), cancellationToken: ct);

        var result = await server.Client.CallToolAsync("report_progress", new Dictionary<string, object?> { ["steps"] = "many" }, cancellationToken: ct);

        Assert.True(result.IsError);
        Assert.StartsWith("Error (invalid_argument)", ((TextContentBlock)result.Content[0]).Text);
    }

    [Fact]
    public async Task CallTool_UnexpectedException_ReturnsInternalErrorWithoutStackTrace()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(configureServices: s => s.AddTestPlugins(), cancellationToken: ct);

        var result = await server.Client.CallToolAsync("fail", new Dictionary<string, object?> { ["kind"] = "bug" }, cancellationToken: ct);

        Assert.True(result.IsError);
        var text = ((TextContentBlock)result.Content[0]).Text;
        Assert.StartsWith("Error (internal_error)", text);
        Assert.Contains("an unexpected failure", text);
        Assert.DoesNotContain(" at ", text);
    }

    [Fact]
    public async Task CallTool_UnknownTool_IsAProtocolError()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(cancellationToken: ct);

        await Assert.ThrowsAnyAsync<McpException>(async () =>
            await server.Client.CallToolAsync("no_such_tool", new Dictionary<string, object?>(), cancellationToken: ct));
        // The server is still fine afterwards.
        Assert.NotEmpty(await server.Client.ListToolsAsync(cancellationToken: ct));
    }

    [Fact]
    public async Task CallTool_WithProgressToken_ReportsEveryStepInOrderBeforeTheResult()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(configureServices: s => s.AddTestPlugins(), cancellationToken: ct);
        await using var progress = ProgressLog.Attach(server.Client);

        var result = await server.Client.CallToolAsync("report_progress", new Dictionary<string, object?> { ["steps"] = 5 }, progress, cancellationToken: ct);

        Assert.Equal("done 5", ((TextContentBlock)result.Content[0]).Text);
        await progress.WaitForCountAsync(5, ct);
        var reports = progress.InOrder;
        Assert.Equal(["step 1", "step 2", "step 3", "step 4", "step 5"], reports.Select(r => r.Message!).ToArray());
        Assert.Equal([1f, 2f, 3f, 4f, 5f], reports.Select(r => r.Progress).ToArray());
        Assert.All(reports, r => Assert.Equal(5f, r.Total));
    }

    [Fact]
    public async Task CallTool_ClientSendsCancelled_FunctionTokenIsCancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        DiagnosticsPlugin.Reset();
        await using var server = await InProcessServer.StartAsync(configureServices: s => s.AddTestPlugins(), cancellationToken: ct);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handler = server.Client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (_, _) =>
        {
            waiting.TrySetResult();
            return ValueTask.CompletedTask;
        });

        _ = ExplicitCancellation.StartCallAsync(server.Client, "call-1", "wait_until_cancelled", [], "p1", ct);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        await ExplicitCancellation.CancelAsync(server.Client, "call-1", ct);

        await DiagnosticsPlugin.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.NotEmpty(await server.Client.ListToolsAsync(cancellationToken: ct));
    }

    [Fact]
    public async Task CallTool_FunctionOutputWithImageAndFile_ReturnsImageContentAndResourceLink()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(configureServices: s => s.AddTestPlugins(), cancellationToken: ct);
        var path = Path.Combine(server.TempFolder, "picture.png");

        var result = await server.Client.CallToolAsync("make_image", new Dictionary<string, object?> { ["path"] = path }, cancellationToken: ct);

        Assert.NotEqual(true, result.IsError);
        Assert.Contains(path, ((TextContentBlock)result.Content[0]).Text);
        var image = Assert.Single(result.Content.OfType<ImageContentBlock>());
        Assert.Equal("image/png", image.MimeType);
        var link = Assert.Single(result.Content.OfType<ResourceLinkBlock>());
        Assert.Equal(new Uri(path).ToString(), link.Uri);
        Assert.Equal("picture.png", link.Name);
    }

    /// <summary>Records progress synchronously, in arrival order (Progress&lt;T&gt; would post callbacks out of order).</summary>
}
