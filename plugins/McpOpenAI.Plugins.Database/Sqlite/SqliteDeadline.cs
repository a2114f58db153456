using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace McpOpenAI.Plugins.Database.Sqlite;

/// <summary>
/// Interrupts a running SQLite statement when its time is up or the caller cancels, through the progress
/// handler (SQLite checks it every few thousand virtual-machine steps, so even a CPU-bound query stops).
/// </summary>
internal sealed class SqliteDeadline : IDisposable
{
    private const int StepsBetweenChecks = 1000;
    private readonly sqlite3 _handle;
    private readonly long _deadline;
    private readonly CancellationToken _cancellationToken;
    private readonly delegate_progress _callback;

    public SqliteDeadline(SqliteConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        _deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        _cancellationToken = cancellationToken;
        _callback = OnProgress;
        raw.sqlite3_progress_handler(_handle, StepsBetweenChecks, _callback, null);
    }

    /// <summary>True when the statement was interrupted because the time ran out.</summary>
    public bool TimedOut { get; private set; }

    public void Dispose() => raw.sqlite3_progress_handler(_handle, 0, null, null);

    private int OnProgress(object userData)
    {
        if (_cancellationToken.IsCancellationRequested)
            return 1;
        if (Environment.TickCount64 < _deadline)
            return 0;
        TimedOut = true;
        return 1;
    }
}
