using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Jobs;

/// <summary>cancel_job: stops a running job; its upstream request is aborted.</summary>
internal sealed class CancelJobTool(JobRegistry registry, ILogger<CancelJobTool> logger) : JobTool(registry, logger, Describe("cancel_job", "Cancel job",
    "Stop a running job (a long-running tool call that answered with a job id): its request to OpenAI is aborted and it ends " +
    "as cancelled, with no result. Files it saved before stay. A job that already finished is left as it is.",
    JobSchemas.JobInput(), JobSchemas.Status, readOnly: false, destructive: true, idempotent: true))
{
    /// <summary>How long cancel_job waits to see the job stop before it answers.</summary>
    public static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    protected override async ValueTask<CallToolResult> RunAsync(RequestContext<CallToolRequestParams> request, IDictionary<string, JsonElement> arguments,
        string owner, CancellationToken cancellationToken)
    {
        var id = JobArgument(arguments);
        var record = await Registry.CancelAsync(owner, id, StopWait, cancellationToken).ConfigureAwait(false) ?? throw JobErrors.Unknown(id, Registry.Retention);
        return JobResults.Status(record, Registry.Now, Registry.Retention);
    }
}
