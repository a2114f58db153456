using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.State;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Jobs;

/// <summary>
/// Jobs in a SQLite file in the data folder (or the team's PostgreSQL database), so a result outlives the process that
/// made it and every server process on the data folder or the database (several stdio clients, instances behind a load
/// balancer) sees the same jobs.
/// </summary>
internal sealed class JobStore
{
    private const string Columns = "id, owner, tool, status, started, finished, note, progress, instance, seen";

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, owner TEXT NOT NULL, tool TEXT NOT NULL, status TEXT NOT NULL,
            started TEXT NOT NULL, finished TEXT, note TEXT, progress TEXT NOT NULL, instance TEXT NOT NULL, seen TEXT NOT NULL,
            cancel_requested INTEGER NOT NULL DEFAULT 0, result TEXT);
        CREATE INDEX IF NOT EXISTS jobs_owner ON jobs (owner, started);
        """;

    // The same table in both databases (text stamps, integer flag); SQLite also writes ahead.
    private static readonly StateSchema Schema = new("jobs", "PRAGMA journal_mode = WAL;\n" + Tables, Tables);

    private readonly StateDatabase _database;

    /// <summary>Creates the store; the file and its folder are made at first use.</summary>
    /// <param name="databasePath">The SQLite file, e.g. <c>{data folder}/jobs.db</c>.</param>
    public JobStore(string databasePath)
        : this(StateDatabase.Sqlite(databasePath))
    {
    }

    /// <summary>Creates the store in <paramref name="database"/>; its table is made at first use.</summary>
    public JobStore(StateDatabase database) => _database = database;

    /// <summary>Where the jobs are, for log lines.</summary>
    public string Location => _database.Description;

    /// <summary>Writes the job's whole record (a cancellation request on it stays).</summary>
    public Task SaveAsync(JobRecord job, CancellationToken cancellationToken = default) =>
        _database.RunAsync(Schema, async connection =>
        {
            var command = StateDatabase.Command(connection, $"""
                INSERT INTO jobs ({Columns}, result) VALUES (@id, @owner, @tool, @status, @started, @finished, @note, @progress, @instance, @seen, @result)
                ON CONFLICT(id) DO UPDATE SET status = @status, finished = @finished, note = @note, progress = @progress, instance = @instance,
                    seen = @seen, result = @result
                """,
                ("@id", job.Id), ("@owner", job.Owner), ("@tool", job.Tool), ("@status", job.State.Name()), ("@started", Stamp(job.Started)),
                ("@finished", job.Finished is { } finished ? Stamp(finished) : null), ("@note", job.Note),
                ("@progress", KernelJson.Serialize(job.Progress, ServerJson.Options)), ("@instance", job.Instance), ("@seen", Stamp(job.Seen)),
                ("@result", job.Result is null ? null : KernelJson.Serialize(job.Result, McpJsonUtilities.DefaultOptions)));
            await using var commandDisposal = command.ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The job with its result; null when there is none.</summary>
    public Task<JobRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(Schema, async connection =>
        {
            var command = StateDatabase.Command(connection, $"SELECT {Columns}, result FROM jobs WHERE id = @id", ("@id", id));
            await using var commandDisposal = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerDisposal = reader.ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader, withResult: true) : null;
        }, cancellationToken);

    /// <summary>An owner's newest jobs, without their results.</summary>
    public Task<IReadOnlyList<JobRecord>> ListAsync(string owner, int limit, CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<JobRecord>>(Schema, async connection =>
        {
            var command = StateDatabase.Command(connection, $"SELECT {Columns} FROM jobs WHERE owner = @owner ORDER BY started DESC LIMIT @limit",
                ("@owner", owner), ("@limit", limit));
            await using var commandDisposal = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerDisposal = reader.ConfigureAwait(false);
            var jobs = new List<JobRecord>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                jobs.Add(Read(reader, withResult: false));
            return jobs;
        }, cancellationToken);

    /// <summary>
    /// Says the running jobs of an instance are alive and records their progress; answers the ids whose cancellation
    /// another process asked for.
    /// </summary>
    public Task<IReadOnlyList<string>> TouchAsync(string instance, IEnumerable<(string Id, JobProgressSnapshot Progress)> jobs, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<string>>(Schema, async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var (id, progress) in jobs)
                {
                    var touch = StateDatabase.Command(connection, transaction,
                        "UPDATE jobs SET seen = @seen, progress = @progress WHERE id = @id AND instance = @instance AND status = 'running'",
                        ("@seen", Stamp(now)), ("@progress", KernelJson.Serialize(progress, ServerJson.Options)), ("@id", id), ("@instance", instance));
                    await using var touchDisposal = touch.ConfigureAwait(false);
                    await touch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            var asked = StateDatabase.Command(connection,
                "SELECT id FROM jobs WHERE instance = @instance AND status = 'running' AND cancel_requested = 1", ("@instance", instance));
            await using var askedDisposal = asked.ConfigureAwait(false);
            var reader = await asked.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerDisposal = reader.ConfigureAwait(false);
            var ids = new List<string>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                ids.Add(reader.GetString(0));
            return ids;
        }, cancellationToken);

    /// <summary>Asks the process that runs a job to cancel it (at its next heartbeat).</summary>
    public Task RequestCancelAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(Schema, async connection =>
        {
            var command = StateDatabase.Command(connection, "UPDATE jobs SET cancel_requested = 1 WHERE id = @id AND status = 'running'", ("@id", id));
            await using var commandDisposal = command.ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Deletes the jobs that ended, or were last seen, before <paramref name="cutoff"/>.</summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        _database.RunAsync(Schema, async connection =>
        {
            var command = StateDatabase.Command(connection, "DELETE FROM jobs WHERE COALESCE(finished, seen) < @cutoff", ("@cutoff", Stamp(cutoff)));
            await using var commandDisposal = command.ConfigureAwait(false);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private static JobRecord Read(DbDataReader reader, bool withResult) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), Enum.Parse<JobState>(reader.GetString(3), ignoreCase: true),
        Parse(reader.GetString(4)), reader.IsDBNull(5) ? null : Parse(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetString(6),
        KernelJson.Deserialize<JobProgressSnapshot>(reader.GetString(7), ServerJson.Options) ?? new JobProgressSnapshot(),
        withResult && !reader.IsDBNull(10) ? KernelJson.Deserialize<CallToolResult>(reader.GetString(10), McpJsonUtilities.DefaultOptions) : null,
        reader.GetString(8), Parse(reader.GetString(9)));

    // Round-trip UTC stamps of one length, so they also sort as text.
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) => DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
