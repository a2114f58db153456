using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Server.Security;
using McpOpenAI.Server.Tests.Http;
using McpOpenAI.Server.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Jobs;

/// <summary>Jobs through the bridge in this process: schemas, the client's cancellation, and jobs that belong to their caller over HTTP.</summary>
public sealed class JobBridgeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListTools_LongRunningTool_HasWaitSecondsAndAnOutputSchemaForBothShapes()
    {
        await using var server = await InProcessServer.StartAsync(configureServices: s => s.AddPlugin<NapPlugin>("Nap"), cancellationToken: Ct);

        var tools = (await server.Client.ListToolsAsync(cancellationToken: Ct)).ToDictionary(t => t.Name, t => t.ProtocolTool);

        var nap = tools["nap"];
        var wait = nap.InputSchema.GetProperty("properties").GetProperty("wait_seconds");
        Assert.Equal("integer", wait.GetProperty("type").GetString());
        Assert.Equal(600, wait.GetProperty("maximum").GetInt32());
        Assert.Contains("default 45", wait.GetProperty("description").GetString());
        Assert.DoesNotContain("wait_seconds", nap.InputSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var output = nap.OutputSchema!.Value;
        Assert.Equal("object", output.GetProperty("type").GetString());
        Assert.Equal(2, output.GetProperty("anyOf").GetArrayLength());
        Assert.False(tools["get_current_time"].InputSchema.GetProperty("properties").TryGetProperty("wait_seconds", out _));
        Assert.Null(tools["get_job"].OutputSchema);
        Assert.NotNull(tools["list_jobs"].OutputSchema);
        Assert.True(tools["cancel_job"].Annotations!.DestructiveHint);
    }

    [Fact]
    public async Task Nap_OutlivesItsWait_StatusAndResultBothMatchTheDeclaredSchema()
    {
        await using var server = await InProcessServer.StartAsync(configureServices: s => s.AddPlugin<NapPlugin>("Nap"), cancellationToken: Ct);

        var first = await server.Client.CallToolAsync("nap", new Dictionary<string, object?> { ["tag"] = "schema", ["milliseconds"] = 4000, ["wait_seconds"] = 0 }, cancellationToken: Ct);
        var job = JobAssert.Running(first);
        // With no wait the status may come before the function's first progress; the next status carries it.
        var status = first;
        for (var tries = 0; !status.StructuredContent!.Value.TryGetProperty("message", out _) && tries < 30; tries++)
        {
            await Task.Delay(100, Ct);
            status = await server.Client.CallToolAsync("get_job", JobAssert.Get(job, 0), cancellationToken: Ct);
        }
        Assert.Equal("falling asleep", status.StructuredContent!.Value.GetProperty("message").GetString());
        var done = await server.Client.CallToolAsync("get_job", JobAssert.Get(job, 30), cancellationToken: Ct);

        Assert.Equal(4000, done.StructuredContent!.Value.GetProperty("milliseconds").GetInt32());
        Assert.False(await NapPlugin.Outcomes["schema"].Task);
    }

    [Fact]
    public async Task ClientCancelsDuringTheWait_TheJobIsCancelledToo()
    {
        await using var server = await InProcessServer.StartAsync(configureServices: s => s.AddPlugin<NapPlugin>("Nap"), cancellationToken: Ct);

        _ = ExplicitCancellation.StartCallAsync(server.Client, "nap-1", "nap", new JsonObject { ["tag"] = "client-cancel", ["milliseconds"] = 60_000 }, "p-nap", Ct);
        await NapPlugin.Starts.GetOrAdd("client-cancel", _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await ExplicitCancellation.CancelAsync(server.Client, "nap-1", Ct);

        Assert.True(await NapPlugin.Outcomes["client-cancel"].Task.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        var jobs = await server.Client.CallToolAsync("list_jobs", new Dictionary<string, object?>(), cancellationToken: Ct);
        Assert.Empty(jobs.StructuredContent!.Value.GetProperty("jobs").EnumerateArray());
    }

    [Fact]
    public async Task OverHttpWithTokens_AJobBelongsToItsCaller()
    {
        string[] tokens =
        [
            "--Http:Tokens:0:Name=alice", $"--Http:Tokens:0:Sha256={TokenHasher.Hash("alice-token")}",
            "--Http:Tokens:1:Name=bob", $"--Http:Tokens:1:Sha256={TokenHasher.Hash("bob-token")}",
        ];
        await using var server = await HttpTestServer.StartAsync(tokens, s => s.AddPlugin<NapPlugin>("Nap"), Ct);
        var alice = await server.ConnectAsync("alice-token", cancellationToken: Ct);
        var bob = await server.ConnectAsync("bob-token", cancellationToken: Ct);

        var job = JobAssert.Running(await Call(alice, "nap", new() { ["tag"] = "owned", ["milliseconds"] = 2000, ["wait_seconds"] = 0 }));

        var foreign = JobAssert.Error(await Call(bob, "get_job", new() { ["job"] = job }), "not_found");
        Assert.DoesNotContain("alice", foreign);
        JobAssert.Error(await Call(bob, "cancel_job", new() { ["job"] = job }), "not_found");
        Assert.Empty(Jobs(await Call(bob, "list_jobs", new())));
        Assert.Equal(job, Assert.Single(Jobs(await Call(alice, "list_jobs", new()))).GetProperty("job").GetString());
        var done = await Call(alice, "get_job", JobAssert.Get(job, 30));
        Assert.Equal("owned", done.StructuredContent!.Value.GetProperty("tag").GetString());
    }

    private static async Task<CallToolResult> Call(McpClient client, string tool, Dictionary<string, object?> arguments) =>
        await client.CallToolAsync(tool, arguments, cancellationToken: Ct);

    private static JsonElement[] Jobs(CallToolResult result) => [.. result.StructuredContent!.Value.GetProperty("jobs").EnumerateArray()];
}
