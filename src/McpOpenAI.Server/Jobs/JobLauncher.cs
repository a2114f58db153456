using McpOpenAI.Kernel.Plugins;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Jobs;

/// <summary>
/// Runs a long-running tool call as a job: the call waits for it up to its <c>wait_seconds</c> and answers with its
/// result exactly as a direct call would, or, when the wait runs out, with the job's status while the work goes on.
/// </summary>
internal sealed class JobLauncher(JobRegistry registry)
{
    /// <summary>How long a call waits when it gives no <c>wait_seconds</c>.</summary>
    public int DefaultWaitSeconds => registry.DefaultWaitSeconds;

    /// <summary>Runs <paramref name="work"/> under the job's own cancellation; the request's cancellation stops it only during the wait.</summary>
    public async ValueTask<CallToolResult> RunAsync(RequestContext<CallToolRequestParams> request, string tool, int waitSeconds,
        Func<IProgress<FunctionProgress>, CancellationToken, Task<CallToolResult>> work, CancellationToken cancellationToken)
    {
        var job = registry.Create(tool);
        try
        {
            await JobWait.ForAsync(job, request, TimeSpan.FromSeconds(waitSeconds), registry.Time, null, () => registry.Start(job, work), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Not a token registration: its callback could be unregistered by the unwinding wait before it ran.
            job.Cancel();
            throw;
        }
        if (job.State == JobState.Running)
            await registry.PublishAsync(job).ConfigureAwait(false);
        // One snapshot: a job that ended meanwhile answers with its result after all.
        var record = registry.Describe(job);
        return record.State == JobState.Running || record.Result is null ? JobResults.Status(record, registry.Now, registry.Retention) : record.Result;
    }
}
