using McpOpenAI.Plugins.Operations.Telemetry;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>
/// Records every request that reached OpenAI in the <see cref="IUsageStore"/> (in order, in the background) and keeps
/// this month's spend in memory, by caller, for the budget guard.
/// </summary>
public sealed class UsageLedger(IUsageStore store, OperationsMetrics metrics, ILogger<UsageLedger> logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private List<(DateTimeOffset At, string? Caller, decimal Cost)>? _month;
    private DateTimeOffset _monthStart;
    private Task _writes = Task.CompletedTask;

    /// <summary>The store behind the ledger.</summary>
    public IUsageStore Store => store;

    /// <summary>Records one request.</summary>
    public void Record(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        metrics.Request(record.Model, record.Outcome, record.CostUsd ?? 0);
        lock (_gate)
        {
            if (record.CostUsd is > 0 && _month is not null && record.At >= _monthStart) _month.Add((record.At, record.Caller, record.CostUsd.Value));
            _writes = _writes.ContinueWith(_ => WriteAsync(record), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Waits until every record so far is stored.</summary>
    public Task FlushAsync()
    {
        lock (_gate) return _writes;
    }

    /// <summary>What was spent since <paramref name="since"/> (in this month), by everyone or by one caller.</summary>
    public async Task<decimal> SpentAsync(DateTimeOffset since, string? caller, CancellationToken cancellationToken)
    {
        await EnsureMonthAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return _month!.Where(e => e.At >= since && (caller is null || e.Caller == caller)).Sum(e => e.Cost);
        }
    }

    private async Task EnsureMonthAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        lock (_gate)
        {
            if (_month is not null && _monthStart == start) return;
        }
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                if (_month is not null && _monthStart == start) return;
            }
            await FlushAsync().ConfigureAwait(false);
            var records = await store.ReadAsync(start, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _month = [.. records.Where(r => r.CostUsd is > 0).Select(r => (r.At, r.Caller, r.CostUsd!.Value))];
                _monthStart = start;
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task WriteAsync(UsageRecord record)
    {
        try
        {
            await store.AddAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The call itself succeeded; losing its record must not fail it.
            logger.LogWarning(ex, "Could not store the usage of a {Model} request", record.Model);
        }
    }
}
