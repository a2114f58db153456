using System.Diagnostics;
using System.Text.Json.Nodes;

namespace McpOpenAI.Bench;

/// <summary>A stdio MCP server driven with raw JSON-RPC lines, one request at a time.</summary>
internal sealed class StdioSession : IAsyncDisposable
{
    private readonly Process _process;
    private int _nextId;

    private StdioSession(Process process) => _process = process;

    public int ProcessId => _process.Id;

    /// <summary>Starts <paramref name="command"/> (split on spaces) and completes the initialize handshake.</summary>
    public static async Task<StdioSession> StartAsync(string command, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(parts[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var part in parts.Skip(1))
            start.ArgumentList.Add(part);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{command}'.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var session = new StdioSession(process);
        await session.RequestAsync("initialize", new JsonObject
        {
            ["protocolVersion"] = "2025-11-25",
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "mcpopenai-bench", ["version"] = "1" },
        }, cancellationToken).ConfigureAwait(false);
        await session.NotifyAsync("notifications/initialized").ConfigureAwait(false);
        return session;
    }

    /// <summary>Sends a request and returns its response, skipping notifications.</summary>
    public async Task<JsonNode> RequestAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
            message["params"] = parameters;
        await _process.StandardInput.WriteLineAsync(message.ToJsonString()).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The server closed stdout.");
            var reply = JsonNode.Parse(line)!;
            if (reply["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number && reply["id"]!.GetValue<int>() == id)
                return reply;
        }
    }

    public async Task NotifyAsync(string method)
    {
        await _process.StandardInput.WriteLineAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method }.ToJsonString()).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        _process.Dispose();
    }
}
