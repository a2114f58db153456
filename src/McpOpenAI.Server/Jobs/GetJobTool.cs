using System.Text.Json;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Jobs;

/// <summary>
/// get_job: the finished result of a job, with the same content the original call would have returned, or its status
/// while it still runs. It declares no output schema, because the result is whichever tool's result the job has.
/// </summary>
internal sealed class GetJobTool(JobRegistry registry, ILogger<GetJobTool> logger) : JobTool(registry, logger, Describe("get_job", "Get a job's result",
    "Get the result of a long-running tool call that answered with a job id (status \"running\"). Waits up to wait_seconds for it to finish " +
    "(reporting its progress meanwhile), then returns exactly what the original tool would have returned — text, image previews, " +
    "file links, structured content — or the job's status again if it still runs (call get_job again). " +
    $"Finished results are kept for {Durations.Words(registry.Retention)}.",
    JobSchemas.JobInput((WaitSeconds.Name, JobSchemas.WaitProperty(registry.DefaultWaitSeconds, "the job to finish"))), null,
    readOnly: true, destructive: false, idempotent: true))
{
    protected override async ValueTask<CallToolResult> RunAsync(RequestContext<CallToolRequestParams> request, IDictionary<string, JsonElement> arguments,
        string owner, CancellationToken cancellationToken)
    {
        var id = JobArgument(arguments);
        var wait = TimeSpan.FromSeconds(WaitSeconds.Read(arguments, Registry.DefaultWaitSeconds));
        if (Registry.FindLive(owner, id) is { } job)
        {
            // A client that stops waiting stops this call only; the job goes on.
            if (job.State == JobState.Running)
            {
                var now = job.Progress.Snapshot();
                var first = new FunctionProgress(now.Progress, now.Total, now.Message ?? $"{job.Tool} is running (job {job.Id})");
                await JobWait.ForAsync(job, request, wait, Registry.Time, first, null, cancellationToken).ConfigureAwait(false);
            }
            var live = Registry.Describe(job);
            return live.Result ?? JobResults.Status(live, Registry.Now, Registry.Retention);
        }
        var record = await Registry.PollAsync(owner, id, wait, cancellationToken).ConfigureAwait(false) ?? throw JobErrors.Unknown(id, Registry.Retention);
        return record.Result ?? JobResults.Status(record, Registry.Now, Registry.Retention);
    }
}
