using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Server.Hosting;
using McpOpenAI.Server.Jobs;
using McpOpenAI.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Server.Tests.Jobs;

/// <summary>The job store as other processes see it: jobs of a process that went away, another owner's jobs, old jobs.</summary>
public sealed class JobRegistryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Find_RunningJobOfAProcessThatWentAway_IsInterruptedAndStaysSo()
    {
        using var folder = new TempFolder();
        var store = new JobStore(Path.Combine(folder.Path, "jobs.db"));
        var now = DateTimeOffset.UtcNow;
        await store.SaveAsync(Running("job_000000000000000000000001", "gone", now - TimeSpan.FromMinutes(3), now - TimeSpan.FromMinutes(2)), Ct);
        using var registry = Registry(folder);

        var found = await registry.FindAsync("local", "job_000000000000000000000001", Ct);

        Assert.Equal(JobState.Interrupted, found!.State);
        Assert.Contains("went away", found.Note);
        Assert.Equal(JobState.Interrupted, (await store.FindAsync("job_000000000000000000000001", Ct))!.State);
    }

    [Fact]
    public async Task Find_RunningJobOfALiveProcess_StaysRunning_AndAnotherOwnerSeesNothing()
    {
        using var folder = new TempFolder();
        var store = new JobStore(Path.Combine(folder.Path, "jobs.db"));
        var now = DateTimeOffset.UtcNow;
        await store.SaveAsync(Running("job_000000000000000000000002", "alive", now - TimeSpan.FromMinutes(3), now), Ct);
        using var registry = Registry(folder);

        Assert.Equal(JobState.Running, (await registry.FindAsync("local", "job_000000000000000000000002", Ct))!.State);
        Assert.Null(await registry.FindAsync("token:mallory", "job_000000000000000000000002", Ct));
        Assert.Empty(await registry.ListAsync("token:mallory", Ct));
    }

    [Fact]
    public async Task Prune_RemovesJobsThatEndedBeforeTheCutoff()
    {
        using var folder = new TempFolder();
        var store = new JobStore(Path.Combine(folder.Path, "jobs.db"));
        var now = DateTimeOffset.UtcNow;
        var old = Running("job_000000000000000000000003", "x", now - TimeSpan.FromDays(3), now - TimeSpan.FromDays(3)) with { State = JobState.Completed, Finished = now - TimeSpan.FromDays(2) };
        var recent = Running("job_000000000000000000000004", "x", now - TimeSpan.FromHours(1), now) with { State = JobState.Completed, Finished = now };
        await store.SaveAsync(old, Ct);
        await store.SaveAsync(recent, Ct);

        Assert.Equal(1, await store.PruneAsync(now - TimeSpan.FromDays(1), Ct));
        Assert.Equal(["job_000000000000000000000004"], (await store.ListAsync("local", 10, Ct)).Select(j => j.Id));
    }

    private static JobRecord Running(string id, string instance, DateTimeOffset started, DateTimeOffset seen) =>
        new(id, "local", "generate_image", JobState.Running, started, null, null, new JobProgressSnapshot { Message = "rendering" }, null, instance, seen);

    private static JobRegistry Registry(TempFolder folder) =>
        new(Options.Create(new ServerOptions()), new AppPaths(dataFolder: folder.Path), TimeProvider.System, NullLogger<JobRegistry>.Instance);
}
