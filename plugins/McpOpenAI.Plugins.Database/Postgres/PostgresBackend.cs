using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Database.Guard;
using McpOpenAI.Plugins.Database.Querying;
using McpOpenAI.Plugins.Database.Results;
using Npgsql;

namespace McpOpenAI.Plugins.Database.Postgres;

/// <summary>
/// A PostgreSQL database. Every piece of work runs in its own <c>READ ONLY</c> transaction with a
/// statement timeout and is rolled back; the session itself also defaults to read-only transactions.
/// </summary>
internal sealed class PostgresBackend : IDatabaseBackend
{
    private const string QueryCanceled = "57014", ReadOnlyTransaction = "25006", InsufficientPrivilege = "42501";
    private readonly string _connectionString;
    private readonly TimeSpan _timeout;

    public PostgresBackend(string connectionString, TimeSpan timeout)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Even a transaction this class did not open (there should be none) starts read-only.
        builder.Options = ((builder.Options ?? "") + " -c default_transaction_read_only=on").Trim();
        builder.CommandTimeout = (int)timeout.TotalSeconds + 5;
        builder.ApplicationName ??= "mcp-openai";
        _connectionString = builder.ConnectionString;
        _timeout = timeout;
        DisplayName = $"PostgreSQL {builder.Database ?? builder.Username ?? "database"} on {builder.Host}";
    }

    public SqlDialect Dialect => SqlDialect.Postgres;

    public string DisplayName { get; }

    public Task<IReadOnlyList<TableSummary>> ListTablesAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<TableSummary>>(async (connection, ct) =>
        {
            var tables = await PostgresCatalog.TablesAsync(connection, ct).ConfigureAwait(false);
            var columns = await PostgresCatalog.ColumnsAsync(connection, tables.Select(t => t.Oid).ToArray(), ct).ConfigureAwait(false);
            var result = new List<TableSummary>();
            foreach (var table in tables)
            {
                var cols = columns.TryGetValue(table.Oid, out var list) ? list : [];
                var summary = string.Join(", ", cols.Select(c => $"{c.Name} {c.Type}{(c.PrimaryKey ? " PK" : "")}"));
                result.Add(new TableSummary(table.Display, table.Type, await CountAsync(connection, table, ct).ConfigureAwait(false), summary));
            }
            return result;
        }, cancellationToken);

    public Task<TableDescription> DescribeTableAsync(string table, int sampleRows, CancellationToken cancellationToken) =>
        RunAsync(async (connection, ct) =>
        {
            var tables = await PostgresCatalog.TablesAsync(connection, ct).ConfigureAwait(false);
            var display = QueryErrors.Resolve(table, tables.Select(t => t.Display).ToList())
                ?? QueryErrors.Resolve(table, tables.Select(t => t.Schema + "." + t.Name).ToList());
            var found = tables.FirstOrDefault(t => t.Display == display || t.Schema + "." + t.Name == display)
                ?? throw QueryErrors.TableNotFound(table, tables.Select(t => t.Display));
            var columns = (await PostgresCatalog.ColumnsAsync(connection, [found.Oid], ct).ConfigureAwait(false)).GetValueOrDefault(found.Oid) ?? [];
            var foreignKeys = await PostgresCatalog.ForeignKeysAsync(connection, found.Oid, ct).ConfigureAwait(false);
            var indexes = await PostgresCatalog.IndexesAsync(connection, found.Oid, ct).ConfigureAwait(false);
            var count = await CountAsync(connection, found, ct).ConfigureAwait(false);
            var samples = new List<IReadOnlyDictionary<string, object?>>();
            if (sampleRows > 0)
            {
                var command = new NpgsqlCommand($"SELECT * FROM {found.QuotedName} LIMIT {sampleRows}", connection);
                await using var commandDisposal = command.ConfigureAwait(false);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using var readerDisposal = reader.ConfigureAwait(false);
                var (cols, rows, _) = await RowReader.ReadAsync(reader, sampleRows, ct).ConfigureAwait(false);
                samples.AddRange(rows.Select(r => (IReadOnlyDictionary<string, object?>)cols.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2)));
            }
            return new TableDescription(found.Display, found.Type, columns, foreignKeys, indexes, count, samples);
        }, cancellationToken);

    public Task<(IReadOnlyList<string> Columns, List<object?[]> Rows, bool Truncated)> QueryAsync(
        string statement, int maxRows, CancellationToken cancellationToken) =>
        RunAsync(async (connection, ct) =>
        {
            // A cursor computes only the rows fetched, and PostgreSQL itself accepts only a query after FOR.
            // The newline ends a trailing line comment in the statement.
            var declare = new NpgsqlCommand($"DECLARE mcp_query NO SCROLL CURSOR FOR\n{statement}\n", connection);
            await using (declare.ConfigureAwait(false))
                await declare.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            var fetch = new NpgsqlCommand($"FETCH FORWARD {maxRows + 1} FROM mcp_query", connection);
            await using var fetchDisposal = fetch.ConfigureAwait(false);
            var reader = await fetch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using var readerDisposal = reader.ConfigureAwait(false);
            return await RowReader.ReadAsync(reader, maxRows, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Runs work in a read-only transaction with the statement timeout, then rolls it back.</summary>
    internal async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new FunctionException(ErrorCodes.NotConfigured, $"Could not connect to {DisplayName}: {e.Message}",
                ["Check Database:ConnectionString and that the server is running."], e);
        }
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        try
        {
            var ms = (long)_timeout.TotalMilliseconds;
            var setup = new NpgsqlCommand(
                $"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {ms}; SET LOCAL lock_timeout = {ms}", connection);
            await using (setup.ConfigureAwait(false))
                await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == QueryCanceled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw QueryErrors.Timeout(_timeout, e);
        }
        catch (PostgresException e) when (e.SqlState is ReadOnlyTransaction or InsufficientPrivilege)
        {
            throw QueryErrors.WriteRefused(e.MessageText, e);
        }
        catch (PostgresException e)
        {
            throw QueryErrors.Rejected(e.MessageText + (e.Hint is { Length: > 0 } hint ? $" ({hint})" : ""), e);
        }
        catch (NpgsqlException e) when (e.InnerException is TimeoutException)
        {
            throw QueryErrors.Timeout(_timeout, e);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                try
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    // The connection is already broken (cancelled or timed out); disposing it ends the transaction.
                }
            }
        }
    }

    private static async Task<long?> CountAsync(NpgsqlConnection connection, PostgresTable table, CancellationToken cancellationToken)
    {
        // A savepoint keeps one failing count (a broken view) from aborting the whole transaction.
        var save = new NpgsqlCommand("SAVEPOINT mcp_count", connection);
        await using (save.ConfigureAwait(false))
            await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {table.QuotedName}", connection);
            await using var commandDisposal = command.ConfigureAwait(false);
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
            var release = new NpgsqlCommand("RELEASE SAVEPOINT mcp_count", connection);
            await using var releaseDisposal = release.ConfigureAwait(false);
            await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
        catch (PostgresException e) when (e.SqlState != QueryCanceled)
        {
            var rollback = new NpgsqlCommand("ROLLBACK TO SAVEPOINT mcp_count", connection);
            await using var rollbackDisposal = rollback.ConfigureAwait(false);
            await rollback.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
    }
}
