using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.State;
using McpOpenAI.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Jobs;

/// <summary>
/// The jobs of this process and, through the <see cref="JobStore"/>, of every process on the data folder (or the shared database). A published
/// job is kept in memory while it runs and written to the store when it is published and when it ends; a heartbeat
/// tells other processes it is alive (a running job nobody vouches for was cut off) and picks up their cancellations.
/// When the server stops, its running jobs are marked interrupted.
/// </summary>
internal sealed class JobRegistry : IHostedService, IDisposable
{
    /// <summary>How often this process vouches for its running jobs.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);

    /// <summary>A running job not vouched for this long was cut off (its process died).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    /// <summary>The most jobs list_jobs shows.</summary>
    public const int ListLimit = 50;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Job> _live = new(StringComparer.Ordinal);
    private readonly JobStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private ITimer? _heartbeat;
    private DateTimeOffset _pruned = DateTimeOffset.MinValue;
    private int _beating;

    public JobRegistry(IOptions<ServerOptions> options, AppPaths paths, TimeProvider time, ILogger<JobRegistry> logger, SharedState? state = null)
    {
        DefaultWaitSeconds = options.Value.MaxWaitSeconds;
        Retention = options.Value.JobRetention;
        _store = new JobStore((state ?? SharedState.Embedded).Database(Path.Combine(paths.DataFolder, "jobs.db")));
        _time = time;
        _logger = logger;
    }

    /// <summary>This process among those sharing the store.</summary>
    public string Instance { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>How long a call waits when it gives no <c>wait_seconds</c> (<c>Server:MaxWaitSeconds</c>).</summary>
    public int DefaultWaitSeconds { get; }

    /// <summary>How long a finished job is kept (<c>Server:JobRetention</c>).</summary>
    public TimeSpan Retention { get; }

    public TimeProvider Time => _time;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A new job of the current caller, not started yet.</summary>
    public Job Create(string tool) => new(JobId.New(), JobOwner.Current, tool, Now);

    /// <summary>Starts the job's work.</summary>
    public void Start(Job job, Func<IProgress<FunctionProgress>, CancellationToken, Task<CallToolResult>> work) => job.Start(work, OnEndedAsync, _time);

    /// <summary>Makes a running job findable and stores it; false when it ended first (the caller gets its result instead).</summary>
    public async Task<bool> PublishAsync(Job job)
    {
        if (!job.TryPublish())
            return false;
        _live[job.Id] = job;
        lock (_gate)
            _heartbeat ??= _time.CreateTimer(_ => _ = BeatAsync(), null, HeartbeatInterval, HeartbeatInterval);
        if (await SaveAsync(job).ConfigureAwait(false) && job.State != JobState.Running)
            _live.TryRemove(job.Id, out _);
        await PruneAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>The job's record now.</summary>
    public JobRecord Describe(Job job) => job.ToRecord(Instance, Now);

    /// <summary>A published job that runs (or just ended) in this process, if it is the owner's.</summary>
    public Job? FindLive(string owner, string id) => _live.TryGetValue(id, out var job) && job.Owner == owner ? job : null;

    /// <summary>The owner's job, wherever it ran; null when there is none (or it is someone else's).</summary>
    public async Task<JobRecord?> FindAsync(string owner, string id, CancellationToken cancellationToken)
    {
        if (FindLive(owner, id) is { } job)
            return Describe(job);
        var record = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return record is null || record.Owner != owner ? null : await SettleAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits up to <paramref name="wait"/> for the owner's job to end, reading the store once a second.</summary>
    public async Task<JobRecord?> PollAsync(string owner, string id, TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = Now + wait;
        var record = await FindAsync(owner, id, cancellationToken).ConfigureAwait(false);
        while (record is { State: JobState.Running } && Now < until)
        {
            var left = until - Now;
            await Task.Delay(left < PollInterval ? left : PollInterval, _time, cancellationToken).ConfigureAwait(false);
            record = await FindAsync(owner, id, cancellationToken).ConfigureAwait(false);
        }
        return record;
    }

    /// <summary>The owner's newest jobs (at most <see cref="ListLimit"/>), without results.</summary>
    public async Task<IReadOnlyList<JobRecord>> ListAsync(string owner, CancellationToken cancellationToken)
    {
        var jobs = _live.Values.Where(j => j.Owner == owner).Select(Describe).ToDictionary(j => j.Id, StringComparer.Ordinal);
        foreach (var stored in await _store.ListAsync(owner, ListLimit, cancellationToken).ConfigureAwait(false))
        {
            if (!jobs.ContainsKey(stored.Id))
                jobs[stored.Id] = await SettleAsync(stored, cancellationToken).ConfigureAwait(false);
        }
        return [.. jobs.Values.OrderByDescending(j => j.Started).Take(ListLimit)];
    }

    /// <summary>
    /// Cancels the owner's job and waits (up to <paramref name="wait"/>) for it to stop; a job of another process is
    /// stopped by that process at its next heartbeat. Null when there is no such job.
    /// </summary>
    public async Task<JobRecord?> CancelAsync(string owner, string id, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (FindLive(owner, id) is { } job)
        {
            job.Cancel();
            try
            {
                await job.Ended.WaitAsync(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // It did not stop in time; its status says it still runs.
            }
            return Describe(job);
        }
        var record = await FindAsync(owner, id, cancellationToken).ConfigureAwait(false);
        if (record is not { State: JobState.Running })
            return record;
        await _store.RequestCancelAsync(id, cancellationToken).ConfigureAwait(false);
        return await PollAsync(owner, id, wait, cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Marks every running job interrupted (first, so their cancellation does not read as cancel_job), then stops them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var job in _live.Values)
        {
            if (job.End(JobState.Interrupted, null, "The server stopped while it ran, so its result was lost.", Now))
                await SaveAsync(job).ConfigureAwait(false);
            job.Cancel();
        }
        Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
            _heartbeat?.Dispose();
    }

    // A running record that no process vouches for any more was cut off: say so, once, in the store.
    private async Task<JobRecord> SettleAsync(JobRecord record, CancellationToken cancellationToken)
    {
        if (record.State != JobState.Running || (record.Instance != Instance && Now - record.Seen < StaleAfter))
            return record;
        var lost = record with
        {
            State = JobState.Interrupted,
            Finished = record.Seen,
            Note = $"The server process that ran it went away (it last reported at {record.Seen:yyyy-MM-dd HH:mm:ss} UTC), so its result was lost.",
        };
        await _store.SaveAsync(lost, cancellationToken).ConfigureAwait(false);
        return lost;
    }

    private async Task OnEndedAsync(Job job)
    {
        if (job.IsPublished && await SaveAsync(job).ConfigureAwait(false))
            _live.TryRemove(job.Id, out _);
    }

    // A job whose end could not be stored stays in memory, so this process still answers for it.
    private async Task<bool> SaveAsync(Job job)
    {
        await job.Writes.WaitAsync().ConfigureAwait(false);
        try
        {
            await _store.SaveAsync(Describe(job)).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is DbException or FunctionException or IOException or UnauthorizedAccessException or JsonException)
        {
            _logger.LogWarning(ex, "Could not store job {Job} in {Location}", job.Id, _store.Location);
            return false;
        }
        finally
        {
            job.Writes.Release();
        }
    }

    private async Task BeatAsync()
    {
        if (Interlocked.Exchange(ref _beating, 1) == 1)
            return;
        try
        {
            var running = _live.Values.Where(j => j.State == JobState.Running).ToList();
            if (running.Count == 0)
                return;
            foreach (var id in await _store.TouchAsync(Instance, running.Select(j => (j.Id, j.Progress.Snapshot())), Now).ConfigureAwait(false))
            {
                if (_live.TryGetValue(id, out var job))
                    job.Cancel();
            }
        }
        catch (Exception ex) when (ex is DbException or FunctionException or IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug(ex, "Job heartbeat failed");
        }
        finally
        {
            Volatile.Write(ref _beating, 0);
        }
    }

    private async Task PruneAsync()
    {
        lock (_gate)
        {
            if (Now - _pruned < PruneInterval)
                return;
            _pruned = Now;
        }
        try
        {
            var removed = await _store.PruneAsync(Now - Retention).ConfigureAwait(false);
            if (removed > 0)
                _logger.LogDebug("Removed {Count} jobs older than {Retention}", removed, Retention);
        }
        catch (Exception ex) when (ex is DbException or FunctionException or IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug(ex, "Could not prune old jobs");
        }
    }
}
