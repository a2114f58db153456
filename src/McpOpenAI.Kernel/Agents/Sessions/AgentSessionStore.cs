using System.Globalization;
using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// Agent conversations in a SQLite file: each session belongs to one agent and holds its turns (the user message,
/// the model's messages and the tool results). Loading returns the newest whole turns that fit a token budget.
/// </summary>
public sealed class AgentSessionStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schema = new(1, 1);
    private bool _created;

    /// <summary>Creates the store; the file and its folder are created at first use.</summary>
    /// <param name="databasePath">The SQLite file, e.g. <c>{data folder}/agent-sessions.db</c>.</param>
    public AgentSessionStore(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>A new random session id.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..16];

    /// <summary>The newest whole turns of a session that fit in <paramref name="maxTokens"/> (estimated), oldest first.</summary>
    /// <exception cref="FunctionException">There is no such session, or it belongs to another agent.</exception>
    public async Task<IReadOnlyList<ChatMessage>> LoadAsync(string sessionId, string agent, int maxTokens, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var find = Command(connection, "SELECT agent FROM sessions WHERE id = $id", ("$id", sessionId));
        await using (find.ConfigureAwait(false))
        {
            var owner = await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            if (owner is null)
                throw new FunctionException(ErrorCodes.NotFound, $"There is no session '{sessionId}'.",
                    ["Pass the 'session' value a previous run of this agent returned, or leave 'session' out to start a new conversation."]);
            if (!string.Equals(owner, agent, StringComparison.OrdinalIgnoreCase))
                throw new FunctionException(ErrorCodes.InvalidArgument, $"Session '{sessionId}' belongs to the agent '{owner}', not '{agent}'.",
                    [$"Continue it with '{owner}', or leave 'session' out to start a new conversation with '{agent}'."]);
        }

        var rows = new List<SessionHistory.StoredMessage>();
        var read = Command(connection, "SELECT turn, content, tokens FROM messages WHERE session_id = $id ORDER BY id", ("$id", sessionId));
        await using var readDisposal = read.ConfigureAwait(false);
        var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var message = JsonSerializer.Deserialize<ChatMessage>(reader.GetString(1), AIJsonUtilities.DefaultOptions);
            if (message is not null)
                rows.Add(new(reader.GetInt64(0), message, reader.GetInt32(2)));
        }
        return SessionHistory.Trim(rows, maxTokens);
    }

    /// <summary>Appends one turn to a session, creating the session when it is new.</summary>
    public async Task AppendTurnAsync(string sessionId, string agent, IEnumerable<ChatMessage> messages, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var upsert = Command(connection, """
            INSERT INTO sessions (id, agent, created, updated) VALUES ($id, $agent, $now, $now)
            ON CONFLICT(id) DO UPDATE SET updated = $now
            """, ("$id", sessionId), ("$agent", agent), ("$now", now));
        await using (upsert.ConfigureAwait(false))
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        long turn;
        var next = Command(connection, "SELECT COALESCE(MAX(turn), 0) + 1 FROM messages WHERE session_id = $id", ("$id", sessionId));
        await using (next.ConfigureAwait(false))
            turn = (long)(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        foreach (var message in messages)
        {
            var json = JsonSerializer.Serialize(message, AIJsonUtilities.DefaultOptions);
            var insert = Command(connection, "INSERT INTO messages (session_id, turn, role, content, tokens) VALUES ($id, $turn, $role, $content, $tokens)",
                ("$id", sessionId), ("$turn", turn), ("$role", message.Role.Value), ("$content", json), ("$tokens", SessionHistory.EstimateTokens(message)));
            await using var insertDisposal = insert.ConfigureAwait(false);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_created)
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var pragma = Command(connection, "PRAGMA busy_timeout = 5000");
        await using (pragma.ConfigureAwait(false))
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (_created)
            return connection;
        await _schema.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_created)
            {
                var create = Command(connection, """
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, agent TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL REFERENCES sessions(id),
                        turn INTEGER NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL, tokens INTEGER NOT NULL);
                    CREATE INDEX IF NOT EXISTS messages_session ON messages (session_id, id);
                    """);
                await using var createDisposal = create.ConfigureAwait(false);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _created = true;
            }
        }
        finally
        {
            _schema.Release();
        }
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}
