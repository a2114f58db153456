using System.Collections.Concurrent;
using McpOpenAI.Plugins.Database.Guard;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Database.Sample;

/// <summary>
/// Creates the sample company's SQLite file at first use, atomically: the database is built in a temporary
/// file beside the target and renamed into place only when complete, so a crash leaves no half database and
/// concurrent first uses (threads or processes) end with one whole file.
/// </summary>
public static class SampleDatabase
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes sure a sample database exists at <paramref name="path"/>, building it if needed.
    /// </summary>
    /// <param name="path">The database file to create.</param>
    /// <param name="generator">The generator (seed, date, scale); the default company as of today when null.</param>
    /// <param name="extend">Optional extra work on the new database before it is put in place (more tables, more rows).</param>
    /// <param name="cancellationToken">Cancels the build; nothing is left behind.</param>
    /// <returns>True when this call built the file, false when it already existed.</returns>
    public static async Task<bool> EnsureCreatedAsync(
        string path,
        SampleCompanyGenerator? generator = null,
        Func<SqliteConnection, CancellationToken, Task>? extend = null,
        CancellationToken cancellationToken = default)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path))
            return false;
        var gate = Locks.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(path))
                return false;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                await BuildAsync(temporary, generator ?? new SampleCompanyGenerator(), extend, cancellationToken).ConfigureAwait(false);
                try
                {
                    // No overwrite: if another process finished first, its file stands and ours is dropped.
                    File.Move(temporary, path, overwrite: false);
                    return true;
                }
                catch (IOException) when (File.Exists(path))
                {
                    return false;
                }
            }
            finally
            {
                DeleteQuietly(temporary);
                DeleteQuietly(temporary + "-journal");
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task BuildAsync(string file, SampleCompanyGenerator generator, Func<SqliteConnection, CancellationToken, Task>? extend, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Pooling would keep the file open after Dispose, and the rename must see a closed file.
            Pooling = false,
        }.ConnectionString;
        var connection = new SqliteConnection(connectionString);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var pragmas = connection.CreateCommand();
        await using (pragmas.ConfigureAwait(false))
        {
            // A rollback journal (not WAL) lets read-only connections open the file without writing beside it.
            pragmas.CommandText = "PRAGMA journal_mode = DELETE; PRAGMA foreign_keys = ON; PRAGMA user_version = 1;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await generator.PopulateAsync(connection, SqlDialect.Sqlite, cancellationToken).ConfigureAwait(false);
        if (extend is not null)
            await extend(connection, cancellationToken).ConfigureAwait(false);
        var optimize = connection.CreateCommand();
        await using (optimize.ConfigureAwait(false))
        {
            optimize.CommandText = "ANALYZE; VACUUM;";
            await optimize.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void DeleteQuietly(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // A leftover temporary file is harmless; the next build uses a new name.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
