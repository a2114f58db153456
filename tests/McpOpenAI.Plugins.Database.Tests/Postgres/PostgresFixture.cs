using McpOpenAI.Plugins.Database.Guard;
using McpOpenAI.Plugins.Database.Sample;
using McpOpenAI.TestKit.Services;
using Npgsql;

namespace McpOpenAI.Plugins.Database.Tests.Postgres;

/// <summary>
/// A real PostgreSQL with the sample company loaded in a fresh database. Uses the server in
/// <c>MCPOPENAI_TEST_PG</c> (a connection string) when set; otherwise starts its own from the Debian
/// binaries on 127.0.0.1 with a free port and a private socket folder, and stops it afterwards.
/// Absent binaries fail the tests with the install command, unless <c>MCPOPENAI_SKIP_PG=1</c>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string InstallCommand = PostgresServer.InstallCommand;
    private PostgresServer? _server;
    private string? _adminConnectionString;
    private string? _database;

    /// <summary>The connection string of the loaded sample database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Why the tests are skipped, when MCPOPENAI_SKIP_PG=1.</summary>
    public string? SkipReason { get; private set; }

    public void SkipIfDisabled()
    {
        if (SkipReason is not null)
            Assert.Skip(SkipReason);
    }

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("MCPOPENAI_SKIP_PG") == "1")
        {
            SkipReason = "PostgreSQL tests skipped: MCPOPENAI_SKIP_PG=1.";
            return;
        }
        var ct = TestContext.Current.CancellationToken;
        _adminConnectionString = Environment.GetEnvironmentVariable("MCPOPENAI_TEST_PG") is { Length: > 0 } external
            ? external
            : (_server = await PostgresServer.StartAsync(ct)).ConnectionString;

        _database = "mcpopenai_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database }.ConnectionString;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await new SampleCompanyGenerator(scale: 0.1).PopulateAsync(connection, SqlDialect.Postgres, ct);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        else if (_adminConnectionString is not null && _database is not null)
        {
            await using var admin = new NpgsqlConnection(_adminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
