using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace McpOpenAI.Kernel.State;

/// <summary>
/// Where a store keeps its rows: a SQLite file of its own (the embedded default) or the team's PostgreSQL database
/// (<c>State:PostgreSQL</c>). Stores write one set of statements with <c>@name</c> parameters, which both providers
/// accept, and give their tables' DDL per dialect (<see cref="StateSchema"/>). On PostgreSQL a server that cannot be
/// reached becomes a <c>state_unavailable</c> tool error naming the setting.
/// </summary>
public sealed class StateDatabase
{
    // One lock for every store's DDL, so instances starting at once do not race on CREATE … IF NOT EXISTS.
    private const long SchemaLock = 0x6d63706f61690001;
    private readonly DbDataSource _source;
    private readonly string? _folder;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);

    private StateDatabase(DbDataSource source, bool postgreSql, string? folder, string description)
    {
        _source = source;
        IsPostgreSQL = postgreSql;
        _folder = folder;
        Description = description;
    }

    /// <summary>Where the rows are, for log lines: the SQLite file, or the setting's name (never its value).</summary>
    public string Description { get; }

    /// <summary>Whether this is the shared PostgreSQL database (else a local SQLite file).</summary>
    public bool IsPostgreSQL { get; }

    /// <summary>A SQLite file (created, with its folder, at first use); writers wait up to 5 s for each other.</summary>
    public static StateDatabase Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        return new StateDatabase(SqliteFactory.Instance.CreateDataSource(connectionString), postgreSql: false, Path.GetDirectoryName(full), full);
    }

    internal static StateDatabase PostgreSQL(NpgsqlDataSource source) => new(source, postgreSql: true, folder: null, $"the PostgreSQL database ({SharedState.PostgreSQLSetting})");

    /// <summary>Runs <paramref name="work"/> on an open connection, the store's tables made first.</summary>
    /// <exception cref="Errors.FunctionException"><c>state_unavailable</c>: the PostgreSQL server cannot be reached.</exception>
    public async Task<T> RunAsync<T>(StateSchema schema, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionDisposal = connection.ConfigureAwait(false);
            await EnsureSchemaAsync(connection, schema, cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsPostgreSQL && StateErrors.IsPostgreSQLUnavailable(ex))
        {
            throw StateErrors.PostgreSQL(ex);
        }
    }

    /// <summary>Runs <paramref name="work"/> on an open connection, the store's tables made first.</summary>
    public Task RunAsync(StateSchema schema, Func<DbConnection, Task> work, CancellationToken cancellationToken) =>
        RunAsync(schema, async connection =>
        {
            await work(connection).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> synchronously (for stores whose API is synchronous).</summary>
    public T Run<T>(StateSchema schema, Func<DbConnection, T> work) =>
        RunAsync(schema, connection => Task.FromResult(work(connection)), CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Opens a connection and checks that the tables can be made (used at start to fail early).</summary>
    public Task CheckAsync(StateSchema schema, CancellationToken cancellationToken) => RunAsync(schema, _ => Task.CompletedTask, cancellationToken);

    /// <summary>A command with <c>@name</c> parameters (null values become SQL NULL).</summary>
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Command(connection, null, sql, parameters);

    /// <summary>A command with <c>@name</c> parameters (null values become SQL NULL), in <paramref name="transaction"/> when given.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        // SQLite's commands join the connection's transaction by themselves; never unset it.
        if (transaction is not null)
            command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_folder is not null)
            Directory.CreateDirectory(_folder);
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (IsPostgreSQL)
            return connection;
        try
        {
            var wait = Command(connection, "PRAGMA busy_timeout = 5000");
            await using var waitDisposal = wait.ConfigureAwait(false);
            await wait.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task EnsureSchemaAsync(DbConnection connection, StateSchema schema, CancellationToken cancellationToken)
    {
        if (IsCreated(schema.Name))
            return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsCreated(schema.Name))
                return;
            if (IsPostgreSQL)
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var transactionDisposal = transaction.ConfigureAwait(false);
                var lockCommand = Command(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLock})");
                await using (lockCommand.ConfigureAwait(false))
                    await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                var create = Command(connection, transaction, schema.PostgreSQL);
                await using (create.ConfigureAwait(false))
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var create = Command(connection, schema.Sqlite);
                await using var createDisposal = create.ConfigureAwait(false);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            lock (_created)
                _created.Add(schema.Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsCreated(string name)
    {
        lock (_created)
            return _created.Contains(name);
    }
}
