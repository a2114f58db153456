using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace McpOpenAI.TestKit.Services;

/// <summary>
/// A real <c>redis-server</c> (Debian package <c>redis-server</c>) on 127.0.0.1 with a free port, nothing persisted;
/// it can be stopped and started again on the same port, and is stopped on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>The Debian package.</summary>
    public const string Package = "redis-server";

    private readonly string _program;
    private readonly string? _password;
    private Process? _process;

    private RedisServer(string program, int port, string? password)
    {
        _program = program;
        Port = port;
        _password = password;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for the server.</summary>
    public string Configuration => _password is null ? $"127.0.0.1:{Port}" : $"127.0.0.1:{Port},password={_password}";

    /// <summary>Starts a server from <paramref name="program"/> (see <see cref="DebianPackage.FindOrInstallAsync"/>), requiring <paramref name="password"/> when given.</summary>
    public static async Task<RedisServer> StartAsync(string program, string? password = null, CancellationToken cancellationToken = default)
    {
        var server = new RedisServer(program, FreePort.Next(), password);
        await server.StartAgainAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the stopped server again on the same port.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(_program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
            start.ArgumentList.Add(a);
        if (_password is not null)
        {
            start.ArgumentList.Add("--requirepass");
            start.ArgumentList.Add(_password);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_program}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await FreePort.WaitListeningAsync(Port, TimeSpan.FromSeconds(20), cancellationToken);
        var answer = await CommandAsync("PING", cancellationToken);
        if (!answer.StartsWith("+PONG", StringComparison.Ordinal) && !answer.StartsWith("-NOAUTH", StringComparison.Ordinal))
            throw new InvalidOperationException($"redis-server did not answer PING: {answer}");
    }

    /// <summary>Sends one inline command and returns the first line of the answer (e.g. <c>FLUSHALL</c>).</summary>
    public async Task<string> CommandAsync(string command, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
    }

    /// <summary>Kills the server.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        await ProcessCommand.KillAsync(_process);
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
