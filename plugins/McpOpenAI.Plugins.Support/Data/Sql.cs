using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Support.Data;

/// <summary>Small helpers for parameterized SQLite commands.</summary>
internal static class Sql
{
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        var command = Command(connection, sql, parameters);
        await using var commandDisposal = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add(read(reader));
        return rows;
    }

    public static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Command(connection, sql, parameters);
        await using var commandDisposal = command.ConfigureAwait(false);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
