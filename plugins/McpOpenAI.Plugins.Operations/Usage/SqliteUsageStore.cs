using System.Globalization;
using McpOpenAI.Kernel.Hosting;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>Usage records in <c>usage.db</c> (SQLite) in the data folder.</summary>
public sealed class SqliteUsageStore : IUsageStore
{
    private const string Columns = "at_ms, tool, caller, model, endpoint, input_tokens, cached_tokens, output_tokens, images, image_size, image_quality, duration_ms, outcome, cost_usd";
    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _created;

    /// <summary>Creates the store over <c>usage.db</c> in <see cref="AppPaths.DataFolder"/>.</summary>
    public SqliteUsageStore(AppPaths paths)
        : this(Path.Combine((paths ?? throw new ArgumentNullException(nameof(paths))).DataFolder, "usage.db"))
    {
    }

    /// <summary>Creates the store over the SQLite file at <paramref name="path"/>.</summary>
    public SqliteUsageStore(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    /// <inheritdoc />
    public async Task AddAsync(UsageRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = $"INSERT INTO usage ({Columns}) VALUES ($at, $tool, $caller, $model, $endpoint, $in, $cached, $out, $images, $size, $quality, $duration, $outcome, $cost)";
        command.Parameters.AddWithValue("$at", record.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$tool", record.Tool);
        command.Parameters.AddWithValue("$caller", (object?)record.Caller ?? DBNull.Value);
        command.Parameters.AddWithValue("$model", record.Model);
        command.Parameters.AddWithValue("$endpoint", record.Endpoint);
        command.Parameters.AddWithValue("$in", record.InputTokens);
        command.Parameters.AddWithValue("$cached", record.CachedInputTokens);
        command.Parameters.AddWithValue("$out", record.OutputTokens);
        command.Parameters.AddWithValue("$images", record.Images);
        command.Parameters.AddWithValue("$size", (object?)record.ImageSize ?? DBNull.Value);
        command.Parameters.AddWithValue("$quality", (object?)record.ImageQuality ?? DBNull.Value);
        command.Parameters.AddWithValue("$duration", record.DurationMs);
        command.Parameters.AddWithValue("$outcome", record.Outcome);
        // Decimal text keeps the estimate exact; SQLite's REAL would round it.
        command.Parameters.AddWithValue("$cost", record.CostUsd is { } cost ? cost.ToString(CultureInfo.InvariantCulture) : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UsageRecord>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = $"SELECT {Columns} FROM usage WHERE at_ms >= $since ORDER BY at_ms, rowid";
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        var records = new List<UsageRecord>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            records.Add(new UsageRecord(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), Text(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt32(8), Text(9), Text(10), reader.GetDouble(11), reader.GetString(12),
                Text(13) is { } cost ? decimal.Parse(cost, CultureInfo.InvariantCulture) : null));
        }
        return records;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_created) return connection;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = connection.CreateCommand();
            await using var commandDisposal = command.ConfigureAwait(false);
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS usage (
                    at_ms INTEGER NOT NULL, tool TEXT NOT NULL, caller TEXT, model TEXT NOT NULL, endpoint TEXT NOT NULL,
                    input_tokens INTEGER NOT NULL, cached_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, images INTEGER NOT NULL,
                    image_size TEXT, image_quality TEXT, duration_ms REAL NOT NULL, outcome TEXT NOT NULL, cost_usd TEXT);
                CREATE INDEX IF NOT EXISTS usage_at ON usage (at_ms);
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }
        finally
        {
            _gate.Release();
        }
        return connection;
    }
}
