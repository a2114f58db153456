using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Server.Bridge;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Jobs;

/// <summary>
/// One long-running tool call in this process: its own cancellation, its progress, and its outcome once it ends.
/// It is private to the call until <see cref="TryPublish"/> (its wait ran out and its id went to the caller).
/// </summary>
internal sealed class Job(string id, string owner, string tool, DateTimeOffset started)
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private bool _published;

    public string Id { get; } = id;

    public string Owner { get; } = owner;

    public string Tool { get; } = tool;

    public DateTimeOffset Started { get; } = started;

    public JobProgress Progress { get; } = new();

    /// <summary>Serializes the job's writes to the store, so the last write holds the latest state.</summary>
    public SemaphoreSlim Writes { get; } = new(1, 1);

    /// <summary>Completes when the job ends, however it ends; never faults.</summary>
    public Task Ended => _ended.Task;

    public JobState State { get; private set; } = JobState.Running;

    public DateTimeOffset? Finished { get; private set; }

    public CallToolResult? Result { get; private set; }

    public string? Note { get; private set; }

    public bool IsPublished
    {
        get
        {
            lock (_gate)
                return _published;
        }
    }

    /// <summary>
    /// Runs the work on the thread pool with the job's token; the caller's execution context (its token, its request)
    /// flows with it. <paramref name="ended"/> runs once the work ended the job.
    /// </summary>
    public void Start(Func<IProgress<FunctionProgress>, CancellationToken, Task<CallToolResult>> work, Func<Job, Task> ended, TimeProvider time) =>
        _ = Task.Run(async () =>
        {
            CallToolResult? result = null;
            JobState state;
            try
            {
                result = ResultSizeLimit.Fit(await work(Progress, _cancel.Token).ConfigureAwait(false));
                state = result.IsError == true ? JobState.Failed : JobState.Completed;
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                state = JobState.Cancelled;
            }
            catch (Exception ex)
            {
                result = ToolErrors.ToResult(ToolErrors.Classify(ex));
                state = JobState.Failed;
            }
            if (End(state, result, state == JobState.Cancelled ? "It was cancelled before it finished." : null, time.GetUtcNow()))
                await ended(this).ConfigureAwait(false);
        });

    /// <summary>Makes the job visible to get_job, list_jobs and cancel_job; false when it already ended.</summary>
    public bool TryPublish()
    {
        lock (_gate)
        {
            if (State != JobState.Running)
                return false;
            _published = true;
            return true;
        }
    }

    /// <summary>Ends the job; the first end wins (a cancelled job stays interrupted when the server stopped it).</summary>
    public bool End(JobState state, CallToolResult? result, string? note, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (State != JobState.Running)
                return false;
            (State, Result, Note, Finished) = (state, result, note, at);
        }
        _ended.TrySetResult();
        return true;
    }

    /// <summary>Fires the job's cancellation token; the work stops at its next check.</summary>
    public void Cancel() => _cancel.Cancel();

    /// <summary>The job as the store keeps it.</summary>
    public JobRecord ToRecord(string instance, DateTimeOffset now)
    {
        lock (_gate)
            return new JobRecord(Id, Owner, Tool, State, Started, Finished, Note, Progress.Snapshot(), Result, instance, now);
    }
}
