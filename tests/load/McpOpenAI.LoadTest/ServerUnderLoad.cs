using System.Diagnostics;

namespace McpOpenAI.LoadTest;

/// <summary>The real server as a child process on a free 127.0.0.1 port, with its resident memory readable.</summary>
internal sealed class ServerUnderLoad : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _home;

    private ServerUnderLoad(Process process, string home, Uri endpoint)
    {
        _process = process;
        _home = home;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Resident set size in MB (from /proc on Linux; the working set elsewhere).</summary>
    public double MemoryMb
    {
        get
        {
            var status = $"/proc/{_process.Id}/status";
            if (File.Exists(status))
            {
                var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb))
                    return kb / 1024.0;
            }
            _process.Refresh();
            return _process.WorkingSet64 / 1024.0 / 1024.0;
        }
    }

    public static async Task<ServerUnderLoad> StartAsync(string serverDll, CancellationToken cancellationToken)
    {
        var home = Directory.CreateTempSubdirectory("mcp-openai-load-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in new[] { serverDll, "--http", "http://127.0.0.1:0/mcp", "--data", home, "--output", Path.Combine(home, "out"),
                     "--prompts", Path.Combine(home, "prompts"), "--log-level", "Warning", "--Http:MaxSessions=2000" })
            start.ArgumentList.Add(arg);
        start.Environment["HOME"] = home;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, "config");
        start.Environment.Remove("OPENAI_API_KEY");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            const string marker = "MCP over Streamable HTTP at ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0) continue;
            var url = line[(at + marker.Length)..].Split(' ')[0];
            _ = DrainAsync(process.StandardError);
            return new ServerUnderLoad(process, home, new Uri(url));
        }
        throw new InvalidOperationException("the server exited before it listened");
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Temp; the OS cleans it.
        }
    }
}
