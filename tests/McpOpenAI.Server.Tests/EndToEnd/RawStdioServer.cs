using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using McpOpenAI.Server.Tests.Infrastructure;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>
/// The real server over stdio driven with raw JSON-RPC lines, so a test sees every message the server writes, in
/// order, from the first byte — including any it should not have sent.
/// </summary>
internal sealed class RawStdioServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<(JsonNode Message, string Line)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _reader;

    private RawStdioServer(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<JsonNode> Received => [.. _received.Select(r => r.Message)];

    /// <summary>Starts <see cref="ServerProcess.Command"/>, or <paramref name="command"/> when given.</summary>
    public static RawStdioServer Start(TempFolder folder, IReadOnlyList<string>? command = null, IDictionary<string, string?>? environment = null)
    {
        var start = ServerProcess.StartInfo(command);
        foreach (var name in new[] { "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT" })
            start.Environment.Remove(name);
        foreach (var (key, value) in ServerProcess.IsolatedEnvironment(folder))
            start.Environment[key] = value;
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new RawStdioServer(process);
    }

    public async Task SendAsync(string json)
    {
        await _process.StandardInput.WriteLineAsync(json);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the response to request <paramref name="id"/>.</summary>
    public async Task<JsonNode> ResponseAsync(int id, CancellationToken ct) => (await ResponseLineAsync(id, ct)).Message;

    /// <summary>Waits for the response to request <paramref name="id"/>, with the line exactly as the server wrote it.</summary>
    public async Task<(JsonNode Message, string Line)> ResponseLineAsync(int id, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _received.FirstOrDefault(r => r.Message["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number && r.Message["id"]!.GetValue<int>() == id);
            if (found.Message is not null)
                return found;
            await _arrived.WaitAsync(limit.Token);
        }
    }

    /// <summary>The methods of the notifications received so far.</summary>
    public string[] Notifications => Received.Where(m => m["id"] is null).Select(m => m["method"]!.GetValue<string>()).ToArray();

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            _received.Enqueue((JsonNode.Parse(line)!, line));
            _arrived.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
            _process.Kill(entireProcessTree: true);
        await _reader;
        _process.Dispose();
    }
}
