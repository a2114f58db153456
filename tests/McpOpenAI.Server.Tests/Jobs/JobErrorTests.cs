using McpOpenAI.Server.Tests.OpenAI.Images;

namespace McpOpenAI.Server.Tests.Jobs;

/// <summary>Bad job ids and waits are tool errors that say what to do, and never reach OpenAI.</summary>
public sealed class JobErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JobTools_BadIdsAndWaits_AreToolErrors()
    {
        await using var server = await ImageServer.StartAsync(Ct);
        const string unknown = "job_0123456789abcdef01234567";

        Assert.Contains("not a job id", JobAssert.Error(await server.CallAsync("get_job", new() { ["job"] = "job-42" }, Ct), "invalid_argument"));
        Assert.Contains("no job id", JobAssert.Error(await server.CallAsync("get_job", new(), Ct), "invalid_argument"));
        Assert.Contains("must be a string", JobAssert.Error(await server.CallAsync("cancel_job", new() { ["job"] = 42 }, Ct), "invalid_argument"));
        Assert.Contains("list_jobs", JobAssert.Error(await server.CallAsync("get_job", new() { ["job"] = unknown }, Ct), "not_found"));
        JobAssert.Error(await server.CallAsync("cancel_job", new() { ["job"] = unknown }, Ct), "not_found");
        Assert.Contains("negative", JobAssert.Error(await server.CallAsync("get_job", JobAssert.Get(unknown, -1), Ct), "invalid_argument"));
        Assert.Contains("600", JobAssert.Error(await server.CallAsync("get_job", JobAssert.Get(unknown, 100_000), Ct), "invalid_argument"));
        Assert.Contains("whole number", JobAssert.Error(await server.CallAsync("get_job", new() { ["job"] = unknown, ["wait_seconds"] = 1.5 }, Ct), "invalid_argument"));
    }

    [Fact]
    public async Task LongRunningTool_NegativeOrHugeWait_IsAToolErrorAndNeverReachesOpenAI()
    {
        await using var server = await ImageServer.StartAsync(Ct);

        var negative = await server.CallAsync("generate_image", new() { ["prompt"] = "a fox", ["wait_seconds"] = -5 }, Ct);
        var huge = await server.CallAsync("chat", new() { ["prompt"] = "hi", ["wait_seconds"] = 1_000_000 }, Ct);
        var text = await server.CallAsync("generate_image", new() { ["prompt"] = "a fox", ["wait_seconds"] = "soon" }, Ct);

        Assert.Contains("wait_seconds", JobAssert.Error(negative, "invalid_argument"));
        Assert.Contains("0 to 600", JobAssert.Error(huge, "invalid_argument"));
        JobAssert.Error(text, "invalid_argument");
        Assert.Equal(0, server.Fake.RequestCount());
    }
}
