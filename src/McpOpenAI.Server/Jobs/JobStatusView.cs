using System.ComponentModel;

namespace McpOpenAI.Server.Jobs;

/// <summary>A job's status as a tool result's structured content.</summary>
internal sealed record JobStatusView
{
    [Description("The job id (job_...): pass it to get_job for the result, or to cancel_job.")]
    public required string Job { get; init; }

    [Description("The tool that was called.")]
    public required string Tool { get; init; }

    [Description("running, completed, failed, cancelled or interrupted.")]
    public required string Status { get; init; }

    [Description("When the call started (UTC).")]
    public required DateTimeOffset Started { get; init; }

    [Description("When it ended (UTC), once it has.")]
    public DateTimeOffset? Finished { get; init; }

    [Description("How long it has run, in seconds.")]
    public required double ElapsedSeconds { get; init; }

    [Description("What it reported last.")]
    public string? Message { get; init; }

    [Description("Work done so far, in the tool's unit.")]
    public double? Progress { get; init; }

    [Description("All the work, in the same unit.")]
    public double? Total { get; init; }

    [Description("Files it saved so far (partial images, finished batch items).")]
    public IReadOnlyList<string>? Files { get; init; }

    [Description("The model output streamed so far (its start, when long).")]
    public string? Text { get; init; }

    [Description("Why it ended without a result, when it did.")]
    public string? Note { get; init; }
}
