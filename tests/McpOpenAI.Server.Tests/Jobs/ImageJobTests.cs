using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.Server.Tests.OpenAI.Images;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Jobs;

/// <summary>
/// An image that renders longer than the caller waits, end to end over stdio: the call answers with a job (and the partial
/// image saved so far), the render goes on, and get_job brings the very result the call would have returned.
/// </summary>
public sealed class ImageJobTests
{
    private const string PartialEvent = "response.image_generation_call.partial_image";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerateImage_SlowerThanItsWait_AnswersWithAJob_AndGetJobReturnsTheImage()
    {
        await using var server = await ImageServer.StartAsync(Ct);
        server.Fake.Faults.Enqueue("responses", FakeFault.SlowStream(PartialEvent, TimeSpan.FromSeconds(6)));

        var first = await server.CallAsync("generate_image", new() { ["prompt"] = "a slow sunrise", ["partial_images"] = 1, ["wait_seconds"] = 3 }, Ct);

        var job = JobAssert.Running(first);
        var status = first.StructuredContent!.Value;
        Assert.Equal("generate_image", status.GetProperty("tool").GetString());
        Assert.True(status.GetProperty("elapsed_seconds").GetDouble() >= 2.9);
        var partial = Assert.Single(status.GetProperty("files").EnumerateArray()).GetString()!;
        Assert.True(File.Exists(partial));
        Assert.Contains(first.Content.OfType<ResourceLinkBlock>(), l => l.Uri == "image://images/" + Path.GetFileName(partial));
        Assert.Empty(first.Content.OfType<ImageContentBlock>());

        await using var progress = ProgressLog.Attach(server.Client);
        var done = await server.CallAsync("get_job", JobAssert.Get(job, 30), Ct, progress);

        var value = ImageServer.Structured(done);
        var path = value.GetProperty("images")[0].GetProperty("path").GetString()!;
        Assert.True(File.Exists(path));
        Assert.Equal(partial, value.GetProperty("partials")[0].GetProperty("path").GetString());
        Assert.Single(done.Content.OfType<ImageContentBlock>());
        Assert.Contains(done.Content.OfType<ResourceLinkBlock>(), l => l.Uri == "image://images/" + Path.GetFileName(path));
        Assert.False(value.TryGetProperty("job", out _));
        await progress.WaitForCountAsync(1, Ct);

        var listed = Assert.Single(ImageServer.Structured(await server.CallAsync("list_jobs", new(), Ct)).GetProperty("jobs").EnumerateArray());
        Assert.Equal(job, listed.GetProperty("job").GetString());
        Assert.Equal("generate_image", listed.GetProperty("tool").GetString());
        Assert.Equal("completed", listed.GetProperty("status").GetString());
        Assert.True(listed.TryGetProperty("finished", out _));
        Assert.True(listed.GetProperty("elapsed_seconds").GetDouble() >= 5);
    }

    [Fact]
    public async Task GenerateImage_QuickWithTheDefaultWait_ReturnsTheNormalResultAndNoJob()
    {
        await using var server = await ImageServer.StartAsync(Ct);

        var result = await server.CallAsync("generate_image", new() { ["prompt"] = "a quick fox" }, Ct);

        var value = ImageServer.Structured(result);
        Assert.False(value.TryGetProperty("job", out _));
        Assert.Single(value.GetProperty("images").EnumerateArray());
        Assert.Single(result.Content.OfType<ImageContentBlock>());
        Assert.DoesNotContain("get_job", ImageServer.Text(result));
        Assert.Empty(ImageServer.Structured(await server.CallAsync("list_jobs", new(), Ct)).GetProperty("jobs").EnumerateArray());
    }

    [Fact]
    public async Task CancelJob_RunningRender_StopsItAndAbortsTheUpstreamRequest()
    {
        await using var server = await ImageServer.StartAsync(Ct);
        server.Fake.Faults.Enqueue("responses", FakeFault.Hang());
        var job = JobAssert.Running(await server.CallAsync("generate_image", new() { ["prompt"] = "a render that never ends", ["wait_seconds"] = 1 }, Ct));

        var cancelled = await server.CallAsync("cancel_job", new() { ["job"] = job }, Ct);

        JobAssert.Status(cancelled, "cancelled");
        await Eventually.WaitAsync(() => server.Fake.AbortedRequests.Any(r => r.Path == "/v1/responses"), Ct);
        Assert.False(Directory.Exists(server.OutputFolder) && Directory.EnumerateFiles(server.OutputFolder).Any());
        JobAssert.Status(await server.CallAsync("get_job", JobAssert.Get(job, 0), Ct), "cancelled");
        var again = await server.CallAsync("cancel_job", new() { ["job"] = job }, Ct);
        JobAssert.Status(again, "cancelled");
    }

    [Fact]
    public async Task FinishedJob_AfterTheServerRestarts_IsStillFetched()
    {
        await using var server = await ImageServer.StartAsync(Ct);
        server.Fake.Faults.Enqueue("responses", FakeFault.Latency(TimeSpan.FromSeconds(3)));
        var job = JobAssert.Running(await server.CallAsync("generate_image", new() { ["prompt"] = "a lasting harbour", ["wait_seconds"] = 1 }, Ct));
        var before = await server.CallAsync("get_job", JobAssert.Get(job, 30), Ct);
        var path = ImageServer.Structured(before).GetProperty("images")[0].GetProperty("path").GetString()!;

        await server.RestartAsync(Ct);
        var after = await server.CallAsync("get_job", JobAssert.Get(job, 0), Ct);

        Assert.Equal(path, ImageServer.Structured(after).GetProperty("images")[0].GetProperty("path").GetString());
        Assert.Equal(before.Content.OfType<ImageContentBlock>().Single().Data.ToArray(), after.Content.OfType<ImageContentBlock>().Single().Data.ToArray());
        Assert.Equal(before.Content.OfType<ResourceLinkBlock>().Single().Uri, after.Content.OfType<ResourceLinkBlock>().Single().Uri);
        Assert.Equal("completed", Assert.Single(ImageServer.Structured(await server.CallAsync("list_jobs", new(), Ct)).GetProperty("jobs").EnumerateArray())
            .GetProperty("status").GetString());
    }

    [Fact]
    public async Task RunningJob_CutOffByARestart_SaysInterrupted()
    {
        await using var server = await ImageServer.StartAsync(Ct);
        server.Fake.Faults.Enqueue("responses", FakeFault.Hang());
        var job = JobAssert.Running(await server.CallAsync("generate_image", new() { ["prompt"] = "an unlucky render", ["wait_seconds"] = 1 }, Ct));

        await server.RestartAsync(Ct);
        var result = await server.CallAsync("get_job", JobAssert.Get(job, 5), Ct);

        var status = JobAssert.Status(result, "interrupted");
        Assert.Contains("stopped", status.GetProperty("note").GetString());
        Assert.Contains("Call generate_image again", JobAssert.Text(result));
    }
}
