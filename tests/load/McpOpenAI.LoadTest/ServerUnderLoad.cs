using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ModelContextProtocol.Client;

namespace McpOpenAI.LoadTest;

/// <summary>A server being measured: a child process on a free 127.0.0.1 port, or an endpoint already running.</summary>
internal sealed class ServerUnderLoad : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly IReadOnlyList<int> _pids;

    private ServerUnderLoad(Target target, Process? process, Uri endpoint)
    {
        Target = target;
        _process = process;
        _pids = process is null ? target.Pids : [process.Id];
        Endpoint = endpoint;
    }

    public Target Target { get; }

    public Uri Endpoint { get; }

    /// <summary>Resident memory in MB of the server's processes (from /proc), or NaN when not known.</summary>
    public double RssMb => _pids.Count == 0 ? double.NaN : _pids.Sum(Rss);

    public static async Task<ServerUnderLoad> StartAsync(Target target, string home, CancellationToken cancellationToken)
    {
        if (target.Endpoint is { } running)
        {
            await WaitUntilServingAsync(running, null, cancellationToken);
            return new ServerUnderLoad(target, null, running);
        }
        var endpoint = new Uri($"http://127.0.0.1:{FreePort()}/mcp");
        var words = target.Command!.Replace("{url}", endpoint.ToString(), StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(words[0]) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var word in words.Skip(1))
            start.ArgumentList.Add(word);
        // Each server gets its own empty home: no user configuration, no API key, its own data folder.
        var own = Directory.CreateDirectory(Path.Combine(home, target.Label)).FullName;
        start.Environment["HOME"] = own;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(own, "config");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(own, "data");
        start.Environment.Remove("OPENAI_API_KEY");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {words[0]}");
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await WaitUntilServingAsync(endpoint, process, cancellationToken);
        return new ServerUnderLoad(target, process, endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static async Task WaitUntilServingAsync(Uri endpoint, Process? process, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process is { HasExited: true })
                throw new InvalidOperationException($"the server exited with code {process.ExitCode} before it served {endpoint}");
            try
            {
                await using var client = await Calls.ConnectAsync(endpoint, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException && DateTime.UtcNow < until)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb) ? kb / 1024.0 : double.NaN;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
