using McpOpenAI.Server.Tests.Agents;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.Server.Tests.OpenAI.Images;
using McpOpenAI.TestKit.FakeOpenAI;
using static McpOpenAI.Server.Tests.Agents.ScriptedModel;

namespace McpOpenAI.Server.Tests.Jobs;

/// <summary>A 3D model and an agent run that outlive their wait go on as jobs and arrive through get_job.</summary>
public sealed class ThreeDAndAgentJobTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate3DModel_SlowerThanItsWait_ArrivesThroughGetJob()
    {
        await using var server = await ImageServer.StartAsync(Ct);
        server.Fake.Faults.Enqueue("chat/completions", FakeFault.Latency(TimeSpan.FromSeconds(4)));
        server.Fake.ChatReplies.Enqueue(FakeChatReply.FromJson(new
        {
            name = "Cube",
            description = "One box.",
            materials = new object[] { new { name = "grey", base_color = new[] { 0.5, 0.5, 0.5, 1.0 }, metallic = 0.0, roughness = 0.5, emissive = new[] { 0.0, 0.0, 0.0 } } },
            nodes = new object[]
            {
                new { name = "box", shape = "box", material = 0, translation = new[] { 0.0, 0.5, 0.0 }, rotation = (double[]?)null, rotation_euler_degrees = (double[]?)null, scale = new[] { 1.0, 1.0, 1.0 }, mesh = (object?)null },
            },
        }));

        var first = await server.CallAsync("generate_3d_model", new() { ["description"] = "a grey cube", ["formats"] = new[] { "glb" }, ["wait_seconds"] = 1 }, Ct);

        var job = JobAssert.Running(first);
        Assert.StartsWith("Designing the scene", first.StructuredContent!.Value.GetProperty("message").GetString());
        var done = ImageServer.Structured(await server.CallAsync("get_job", JobAssert.Get(job, 30), Ct));
        var glb = Assert.Single(done.GetProperty("files").EnumerateArray()).GetProperty("path").GetString()!;
        Assert.True(File.Exists(glb));
    }

    [Fact]
    public async Task Agent_SlowerThanItsWait_GoesOnAsAJobWithItsLatestStep()
    {
        var ct = Ct;
        await using var server = await AgentServer.StartAsync(ct, "ask_database.agent.yaml");
        server.Fake.ChatHandler = Steps(_ => Call("list_tables"), _ => FakeChatReply.FromText("There are nine tables."));
        server.Fake.Faults.Enqueue("chat/completions", FakeFault.Latency(TimeSpan.Zero));
        server.Fake.Faults.Enqueue("chat/completions", FakeFault.Latency(TimeSpan.FromSeconds(6)));

        var first = await server.CallAsync("ask_database", new() { ["question"] = "How many tables are there?", ["wait_seconds"] = 1 }, ct);

        var job = JobAssert.Running(first);
        Assert.Equal("ask_database", first.StructuredContent!.Value.GetProperty("tool").GetString());
        await Eventually.WaitAsync(() => server.Fake.RequestCount("chat/completions") >= 2, ct, TimeSpan.FromSeconds(30));
        var meanwhile = JobAssert.Status(await server.CallAsync("get_job", JobAssert.Get(job, 0), ct), "running");
        Assert.Contains("list_tables", meanwhile.GetProperty("message").GetString());
        var done = AgentServer.Structured(await server.CallAsync("get_job", JobAssert.Get(job, 30), ct));
        Assert.Equal("There are nine tables.", done.GetProperty("answer").GetString());
        Assert.Equal(["list_tables"], done.GetProperty("tool_calls").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
    }
}
