using McpOpenAI.Plugins.Database.Guard;
using McpOpenAI.Plugins.Database.Querying;
using McpOpenAI.Plugins.Database.Results;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Database.Sqlite;

/// <summary>A SQLite database reached only through <see cref="SqliteReadOnlyConnection"/>.</summary>
internal sealed class SqliteBackend(string connectionString, string displayName, TimeSpan timeout) : IDatabaseBackend
{
    private const int SqliteReadOnly = 8, SqliteInterrupt = 9, SqliteAuth = 23;

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public string DisplayName => displayName;

    public async Task<IReadOnlyList<TableSummary>> ListTablesAsync(CancellationToken cancellationToken)
    {
        return await RunAsync(async connection =>
        {
            var result = new List<TableSummary>();
            foreach (var (name, type) in await TablesAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                var columns = await ColumnsAsync(connection, name, cancellationToken).ConfigureAwait(false);
                var summary = string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}{(c.PrimaryKey ? " PK" : "")}".TrimEnd()));
                result.Add(new TableSummary(name, type, await CountAsync(connection, name, cancellationToken).ConfigureAwait(false), summary));
            }
            return (IReadOnlyList<TableSummary>)result;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TableDescription> DescribeTableAsync(string table, int sampleRows, CancellationToken cancellationToken)
    {
        return await RunAsync(async connection =>
        {
            var tables = await TablesAsync(connection, cancellationToken).ConfigureAwait(false);
            var name = QueryErrors.Resolve(table, tables.Select(t => t.Name).ToList())
                ?? throw QueryErrors.TableNotFound(table, tables.Select(t => t.Name));
            var type = tables.First(t => t.Name == name).Type;
            var columns = await ColumnsAsync(connection, name, cancellationToken).ConfigureAwait(false);
            var foreignKeys = await ForeignKeysAsync(connection, name, cancellationToken).ConfigureAwait(false);
            var indexes = await IndexesAsync(connection, name, cancellationToken).ConfigureAwait(false);
            var count = await CountAsync(connection, name, cancellationToken).ConfigureAwait(false);
            var samples = new List<IReadOnlyDictionary<string, object?>>();
            if (sampleRows > 0)
            {
                var command = connection.CreateCommand();
                await using var commandDisposal = command.ConfigureAwait(false);
                command.CommandText = $"SELECT * FROM {QueryErrors.Quote(name)} LIMIT {sampleRows}";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerDisposal = reader.ConfigureAwait(false);
                var (cols, rows, _) = await RowReader.ReadAsync(reader, sampleRows, cancellationToken).ConfigureAwait(false);
                samples.AddRange(rows.Select(r => (IReadOnlyDictionary<string, object?>)cols.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2)));
            }
            return new TableDescription(name, type, columns, foreignKeys, indexes, count, samples);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<(IReadOnlyList<string> Columns, List<object?[]> Rows, bool Truncated)> QueryAsync(
        string statement, int maxRows, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            var command = connection.CreateCommand();
            await using var commandDisposal = command.ConfigureAwait(false);
            command.CommandText = statement;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerDisposal = reader.ConfigureAwait(false);
            return await RowReader.ReadAsync(reader, maxRows, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    // Every piece of work runs on a fresh read-only connection under the deadline, with SQLite errors
    // turned into errors a user can act on.
    private async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        SqliteConnection connection;
        try
        {
            connection = SqliteReadOnlyConnection.Open(connectionString);
        }
        catch (SqliteException e)
        {
            throw new Kernel.Errors.FunctionException(Kernel.Errors.ErrorCodes.NotConfigured,
                $"Could not open the SQLite database ({displayName}): {e.Message}",
                ["Check Database:ConnectionString (Data Source=path to an existing file)."], e);
        }
        await using (connection)
        {
            using var deadline = new SqliteDeadline(connection, timeout, cancellationToken);
            try
            {
                return await work(connection).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteInterrupt)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw QueryErrors.Timeout(timeout, e);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SqliteAuth or SqliteReadOnly || e.Message.Contains("not authorized", StringComparison.Ordinal))
            {
                throw QueryErrors.WriteRefused(e.Message, e);
            }
            catch (SqliteException e)
            {
                throw QueryErrors.Rejected(e.Message, e);
            }
        }
    }

    private static async Task<List<(string Name, string Type)>> TablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY type, name";
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var tables = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            tables.Add((reader.GetString(0), reader.GetString(1)));
        return tables;
    }

    private static async Task<List<ColumnInfo>> ColumnsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = $"PRAGMA table_info({QueryErrors.Quote(table)})";
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var columns = new List<ColumnInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(new ColumnInfo(
                reader.GetString(1),
                reader.IsDBNull(2) ? "" : reader.GetString(2),
                reader.GetInt64(3) == 0 && reader.GetInt64(5) == 0,
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt64(5) > 0));
        }
        return columns;
    }

    private static async Task<List<ForeignKeyInfo>> ForeignKeysAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = $"PRAGMA foreign_key_list({QueryErrors.Quote(table)})";
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var keys = new SortedDictionary<long, (string Table, List<string> From, List<string> To)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(0);
            if (!keys.TryGetValue(id, out var key))
                keys[id] = key = (reader.GetString(2), [], []);
            key.From.Add(reader.GetString(3));
            key.To.Add(reader.IsDBNull(4) ? "" : reader.GetString(4));
        }
        var result = new List<ForeignKeyInfo>();
        foreach (var (_, key) in keys)
        {
            // "REFERENCES t" with no column list means the referenced table's primary key.
            var to = key.To.All(c => c.Length == 0)
                ? (await ColumnsAsync(connection, key.Table, cancellationToken).ConfigureAwait(false)).Where(c => c.PrimaryKey).Select(c => c.Name).ToList()
                : key.To;
            result.Add(new ForeignKeyInfo(key.From, key.Table, to));
        }
        return result;
    }

    private static async Task<List<IndexInfo>> IndexesAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, bool Unique)>();
        var list = connection.CreateCommand();
        await using (list.ConfigureAwait(false))
        {
            list.CommandText = $"PRAGMA index_list({QueryErrors.Quote(table)})";
            var listed = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var listedDisposal = listed.ConfigureAwait(false);
            while (await listed.ReadAsync(cancellationToken).ConfigureAwait(false))
                indexes.Add((listed.GetString(1), listed.GetInt64(2) != 0));
        }
        var result = new List<IndexInfo>();
        foreach (var (name, unique) in indexes)
        {
            var command = connection.CreateCommand();
            await using var commandDisposal = command.ConfigureAwait(false);
            command.CommandText = $"PRAGMA index_info({QueryErrors.Quote(name)})";
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerDisposal = reader.ConfigureAwait(false);
            var columns = new List<string>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                columns.Add(reader.IsDBNull(2) ? "(expression)" : reader.GetString(2));
            result.Add(new IndexInfo(name, columns, unique));
        }
        return result;
    }

    private static async Task<long?> CountAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = $"SELECT COUNT(*) FROM {QueryErrors.Quote(table)}";
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (SqliteException e) when (e.SqliteErrorCode != SqliteInterrupt)
        {
            // A view over something broken still gets listed; its count is simply unknown.
            return null;
        }
    }
}
