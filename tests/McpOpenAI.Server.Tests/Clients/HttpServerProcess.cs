using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace McpOpenAI.Server.Tests.Clients;

/// <summary>
/// The real server process serving Streamable HTTP, as a team would run it: <c>dotnet mcp-openai.dll --http URL</c> on port
/// 0 of 127.0.0.1; the endpoint comes from the line the server prints once it listens.
/// </summary>
internal sealed partial class HttpServerProcess(Process process, ConcurrentQueue<string> stderr, Uri endpoint) : IAsyncDisposable
{
    public Uri Endpoint => endpoint;

    /// <summary>Everything the server wrote to stderr so far.</summary>
    public string Stderr => string.Join('\n', stderr);

    public static async Task<HttpServerProcess> StartAsync(IReadOnlyList<string> command, IDictionary<string, string?> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1).Concat(["--http", "http://127.0.0.1:0/mcp"]))
            start.ArgumentList.Add(argument);
        var process = Process.Start(start.WithEnvironment(environment))!;
        var stderr = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The server ended before it listened:\n" + string.Join('\n', stderr)));
                return;
            }
            stderr.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match)
                listening.TrySetResult(new Uri(match.Groups[1].Value));
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var endpoint = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90), ct);
            return new HttpServerProcess(process, stderr, endpoint);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    [GeneratedRegex(@"MCP over Streamable HTTP at (\S+)")]
    private static partial Regex ListeningLine();
}
