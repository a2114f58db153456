using System.Diagnostics;
using System.Globalization;
using McpOpenAI.TestKit.Services;

namespace McpOpenAI.Server.Tests.Team;

/// <summary>
/// haproxy in front of a team's instances, as README's "Serving a team" shows it: sticky on <c>Mcp-Session-Id</c> for
/// stateful instances (the first response's header picks the server), round-robin for stateless ones; health checks
/// every 300 ms, and a request whose server is gone is sent to another.
/// </summary>
public sealed class Haproxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private Haproxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/mcp");

    public static string Config(int port, bool sticky, IEnumerable<TeamInstance> instances) => string.Join('\n', new[]
    {
        "global",
        "  maxconn 256",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 120s",
        "  timeout server 120s",
        "  retries 3",
        "  option redispatch 1",
        "frontend mcp",
        $"  bind 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        "  default_backend team",
        "backend team",
        "  balance roundrobin",
    }.Concat(sticky ? new[]
    {
        "  stick-table type string len 128 size 100k expire 30m",
        "  stick on req.hdr(mcp-session-id)",
        "  stick store-response res.hdr(mcp-session-id)",
    } : []).Concat(instances.Select(i => $"  server {i.Name} 127.0.0.1:{i.Port.ToString(CultureInfo.InvariantCulture)} check inter 300ms fall 1 rise 2"))) + "\n";

    public static async Task<Haproxy> StartAsync(string program, bool sticky, IEnumerable<TeamInstance> instances, CancellationToken ct)
    {
        var port = FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("mcpopenai-haproxy-").FullName;
        var config = Path.Combine(folder, "haproxy.cfg");
        await File.WriteAllTextAsync(config, Config(port, sticky, instances), ct);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-f", config, "-db" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start haproxy.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var haproxy = new Haproxy(process, folder, port);
        await FreePort.WaitListeningAsync(port, TimeSpan.FromSeconds(20), ct);
        return haproxy;
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessCommand.KillAsync(_process);
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
