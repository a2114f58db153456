using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using McpOpenAI.Plugins.Database.Guard;
using McpOpenAI.Plugins.Database.Sample;
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
    public const string InstallCommand = "apt-get update && apt-get install -y postgresql";
    private string? _serverFolder;
    private string? _pgCtl;
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
            : await StartServerAsync(ct);

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
        if (_serverFolder is not null)
        {
            await RunAsync(_pgCtl!, ["-D", Path.Combine(_serverFolder, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None, throwOnError: false);
            Directory.Delete(_serverFolder, recursive: true);
        }
        else if (_adminConnectionString is not null && _database is not null)
        {
            await using var admin = new NpgsqlConnection(_adminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> StartServerAsync(CancellationToken cancellationToken)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH. " +
            $"Install them with: {InstallCommand} — or set MCPOPENAI_TEST_PG to a connection string of a running server, " +
            "or MCPOPENAI_SKIP_PG=1 to skip these tests.");
        _pgCtl = Path.Combine(bin, "pg_ctl");
        _serverFolder = Directory.CreateTempSubdirectory("mcpopenai-pg-").FullName;
        var data = Path.Combine(_serverFolder, "data");
        var sockets = Directory.CreateDirectory(Path.Combine(_serverFolder, "sock")).FullName;
        var log = Path.Combine(_serverFolder, "server.log");
        // initdb refuses to run as root; the server then runs as the 'postgres' user, who must own the folder.
        if (Environment.UserName == "root")
            await RunAsync("chown", ["-R", "postgres:postgres", _serverFolder], cancellationToken);

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "-N"], cancellationToken);
        var port = FreePort();
        await RunAsync(_pgCtl, ["-D", data, "-l", log, "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off", "start"], cancellationToken);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=30";
    }

    private static string? FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return candidates.Concat(path).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.UserName == "root" && program != "chown")
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnError)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}
