using System.ComponentModel;

namespace McpOpenAI.Server.Jobs;

/// <summary>The result of list_jobs.</summary>
internal sealed record JobList
{
    [Description("The caller's jobs, newest first.")]
    public required IReadOnlyList<JobStatusView> Jobs { get; init; }

    [Description("How long finished jobs are kept, e.g. 1 day.")]
    public required string Retention { get; init; }
}
