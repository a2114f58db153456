using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Database.Tests;

/// <summary>Reads a SQLite database's bytes and rows through an ordinary connection, to prove nothing changed.</summary>
internal static class DatabaseState
{
    public static string FileHash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public static async Task<Dictionary<string, long>> CountRowsAsync(string connectionString, IEnumerable<string> tables)
    {
        await using var connection = Open(connectionString);
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }
        return counts;
    }

    public static async Task<string> ContentHashAsync(string connectionString, IEnumerable<string> tables)
    {
        await using var connection = Open(connectionString);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    text.Append(reader.GetValue(i)).Append('|');
                text.Append('\n');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }
}
