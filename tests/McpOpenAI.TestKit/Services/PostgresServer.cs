using System.Diagnostics;

namespace McpOpenAI.TestKit.Services;

/// <summary>
/// A real PostgreSQL server from Debian's binaries (<c>/usr/lib/postgresql/*/bin</c>, package <c>postgresql</c>) on
/// 127.0.0.1 with a free port, trust authentication and a private data and socket folder; it can be stopped and started
/// again on the same data (to test a server that goes away) and is removed on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The command that installs the binaries.</summary>
    public const string InstallCommand = "apt-get update && apt-get install -y postgresql";

    private readonly string _bin;
    private readonly string _folder;

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A connection string to the <c>postgres</c> database as the <c>postgres</c> superuser.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=30";

    /// <summary>The folder of the server binaries (initdb, pg_ctl), or null when they are not installed.</summary>
    public static string? FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return candidates.Concat(path).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>Creates a data folder and starts the server.</summary>
    /// <exception cref="InvalidOperationException">The binaries are not installed (the message says how to install them).</exception>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH. " +
            $"Install them with: {InstallCommand} — or set MCPOPENAI_TEST_PG to a connection string of a running server, " +
            "or MCPOPENAI_SKIP_PG=1 to skip these tests.");
        var folder = Directory.CreateTempSubdirectory("mcpopenai-pg-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "sock"));
        // initdb refuses to run as root; the server then runs as the 'postgres' user, who must own the folder.
        if (Environment.UserName == "root")
            await RunAsync("chown", ["-R", "postgres:postgres", folder], cancellationToken);
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "-N"], cancellationToken);
        var server = new PostgresServer(bin, folder, FreePort.Next());
        await server.StartAgainAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the stopped server again on the same data and port.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) =>
        RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {Path.Combine(_folder, "sock")} -c fsync=off", "start"], cancellationToken);

    /// <summary>Stops the server at once (connections are cut).</summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None, throwOnError: false);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var start = new ProcessStartInfo();
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
        var outcome = await ProcessCommand.RunAsync(start, TimeSpan.FromMinutes(2), cancellationToken);
        if (outcome.ExitCode != 0 && throwOnError)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({outcome.ExitCode}): {outcome.StandardError}{outcome.StandardOutput}");
    }
}
