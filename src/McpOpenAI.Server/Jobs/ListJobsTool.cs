using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Jobs;

/// <summary>list_jobs: the caller's jobs, newest first.</summary>
internal sealed class ListJobsTool(JobRegistry registry, ILogger<ListJobsTool> logger) : JobTool(registry, logger, Describe("list_jobs", "List jobs",
    $"List your long-running tool calls that went on as jobs, newest first (at most {JobRegistry.ListLimit}): id, tool, status " +
    "(running, completed, failed, cancelled, interrupted), when each started and finished, and how long it ran. " +
    "get_job fetches a result; cancel_job stops a running one.",
    JobSchemas.NoInput, JobSchemas.List, readOnly: true, destructive: false, idempotent: true))
{
    protected override async ValueTask<CallToolResult> RunAsync(RequestContext<CallToolRequestParams> request, IDictionary<string, JsonElement> arguments,
        string owner, CancellationToken cancellationToken) =>
        JobResults.List(await Registry.ListAsync(owner, cancellationToken).ConfigureAwait(false), Registry.Now, Registry.Retention);
}
