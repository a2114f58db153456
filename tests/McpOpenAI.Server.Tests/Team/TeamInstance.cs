using System.Collections.Concurrent;
using System.Diagnostics;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.Services;

namespace McpOpenAI.Server.Tests.Team;

/// <summary>
/// One real <c>mcp-openai --http</c> process of a team, on its own loopback port, home and data folder; what it logs is
/// kept for assertions (nothing secret may appear there).
/// </summary>
public sealed class TeamInstance : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly TempFolder _home;
    private readonly ConcurrentQueue<string> _log = new();

    private TeamInstance(string name, Process process, TempFolder home, int port)
    {
        Name = name;
        _process = process;
        _home = home;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/mcp");

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Log => string.Join('\n', _log);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts an instance and waits until it listens.</summary>
    public static async Task<TeamInstance> StartAsync(string name, IReadOnlyDictionary<string, string?> environment, bool stateless, CancellationToken ct)
    {
        var port = FreePort.Next();
        var home = new TempFolder();
        var start = ServerProcess.StartInfo();
        foreach (var argument in new[] { "--http", $"http://127.0.0.1:{port}/mcp" }.Concat(stateless ? ["--stateless"] : []))
            start.ArgumentList.Add(argument);
        foreach (var key in new[] { "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT" })
            start.Environment.Remove(key);
        foreach (var (key, value) in ServerProcess.IsolatedEnvironment(home).Concat(environment))
            start.Environment[key] = value;
        start.Environment["Server__DataFolder"] = home.Combine("state");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        var instance = new TeamInstance(name, process, home, port);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            instance._log.Enqueue(e.Data);
            if (e.Data.Contains("MCP over Streamable HTTP at", StringComparison.Ordinal))
                listening.TrySetResult();
        }
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        await Task.WhenAny(listening.Task, process.WaitForExitAsync(ct), Task.Delay(StartLimit, ct));
        if (listening.Task.IsCompleted)
            return instance;
        var log = instance.Log;
        await instance.DisposeAsync();
        throw new InvalidOperationException($"Instance {name} did not start within {StartLimit.TotalSeconds} s: {log}");
    }

    /// <summary>Kills the process at once, as a crash or an OOM kill would.</summary>
    public Task KillAsync() => ProcessCommand.KillAsync(_process);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        _home.Dispose();
    }
}
