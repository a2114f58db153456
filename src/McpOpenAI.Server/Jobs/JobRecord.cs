using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Jobs;

/// <summary>
/// A job as the store keeps it and as results describe it. Holds no arguments: a job's record says what ran and
/// how it went, never what was asked (an argument may be a secret).
/// </summary>
/// <param name="Id">The job id.</param>
/// <param name="Owner">Whose it is (<see cref="JobOwner"/>).</param>
/// <param name="Tool">The tool that was called.</param>
/// <param name="State">Where it is.</param>
/// <param name="Started">When the call started.</param>
/// <param name="Finished">When it ended, once it has.</param>
/// <param name="Note">Why it ended without a result (interrupted, cancelled), when it did.</param>
/// <param name="Progress">What it had done when last recorded.</param>
/// <param name="Result">The tool result, once it completed or failed (null in lists).</param>
/// <param name="Instance">The server process that runs it.</param>
/// <param name="Seen">When that process last said the job was alive.</param>
internal sealed record JobRecord(
    string Id,
    string Owner,
    string Tool,
    JobState State,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    string? Note,
    JobProgressSnapshot Progress,
    CallToolResult? Result,
    string Instance,
    DateTimeOffset Seen)
{
    /// <summary>How long it ran (until now, while it runs).</summary>
    public TimeSpan Elapsed(DateTimeOffset now) => (Finished ?? now) - Started;
}
