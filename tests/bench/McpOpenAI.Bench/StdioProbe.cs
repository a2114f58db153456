using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpOpenAI.Bench;

/// <summary>One start of a stdio MCP server, timed with raw JSON-RPC (no client library in the measurement).</summary>
internal static class StdioProbe
{
    /// <summary>What one start measured.</summary>
    public sealed record Sample(double InitializeMs, double ToolsListMs, int Tools, int EarlyMessages, long? IdleRssKb);

    public static async Task<Sample> RunAsync(string command, IReadOnlyDictionary<string, string> environment, bool measureRss, CancellationToken cancellationToken)
    {
        var parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(parts[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var part in parts.Skip(1))
            start.ArgumentList.Add(part);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{command}'.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            await SendAsync(process, new JsonObject
            {
                ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize",
                ["params"] = new JsonObject
                {
                    ["protocolVersion"] = "2025-11-25",
                    ["capabilities"] = new JsonObject(),
                    ["clientInfo"] = new JsonObject { ["name"] = "mcpopenai-bench", ["version"] = "1" },
                },
            }).ConfigureAwait(false);
            var early = 0;
            while ((await ReadAsync(process, cancellationToken).ConfigureAwait(false))["id"]?.GetValue<int>() != 1)
                early++;
            var initialize = clock.Elapsed.TotalMilliseconds;
            await SendAsync(process, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" }).ConfigureAwait(false);
            await SendAsync(process, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "tools/list" }).ConfigureAwait(false);
            JsonNode list;
            while ((list = await ReadAsync(process, cancellationToken).ConfigureAwait(false))["id"]?.GetValue<int>() != 2)
            {
            }
            var toolsList = clock.Elapsed.TotalMilliseconds;
            long? rss = null;
            if (measureRss)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                rss = ReadRssKb(process.Id);
            }
            return new Sample(initialize, toolsList, list["result"]?["tools"]?.AsArray().Count ?? 0, early, rss);
        }
        finally
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(Process process, JsonObject message)
    {
        await process.StandardInput.WriteLineAsync(message.ToJsonString()).ConfigureAwait(false);
        await process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    private static async Task<JsonNode> ReadAsync(Process process, CancellationToken cancellationToken)
    {
        var line = await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The server closed stdout.");
        return JsonNode.Parse(line) ?? throw new JsonException($"Not a JSON-RPC message: {line}");
    }

    private static long? ReadRssKb(int pid)
    {
        // /proc/<pid>/status has "VmRSS:   12345 kB" on Linux.
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
            return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
