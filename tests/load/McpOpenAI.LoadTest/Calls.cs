using System.Collections.Concurrent;
using System.Diagnostics;
using ModelContextProtocol.Client;

namespace McpOpenAI.LoadTest;

/// <summary>The measured work: clients, each with its own MCP session, calling the cheap <c>text_stats</c> tool in a loop.</summary>
internal static class Calls
{
    public static Task<McpClient> ConnectAsync(Uri endpoint, CancellationToken cancellationToken) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }),
            cancellationToken: cancellationToken);

    /// <summary>
    /// <paramref name="clients"/> sessions each make <paramref name="callsPerClient"/> calls (or until <paramref name="stop"/>);
    /// returns the latencies of the calls that succeeded, the failures and the wall-clock time.
    /// </summary>
    public static async Task<RunFigures> RunAsync(Uri endpoint, int clients, int callsPerClient, CancellationToken stop, CancellationToken abort)
    {
        var latencies = new ConcurrentBag<double[]>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = new List<double>(Math.Min(callsPerClient, 100_000));
            try
            {
                await using var client = await ConnectAsync(endpoint, abort);
                for (var call = 0; call < callsPerClient && !stop.IsCancellationRequested; call++)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var result = await client.CallToolAsync("text_stats",
                            new Dictionary<string, object?> { ["text"] = $"client {worker} call {call}: the quick brown fox jumps over the lazy dog." },
                            cancellationToken: abort);
                        if (result.IsError == true) Interlocked.Increment(ref errors);
                        else mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref errors);
            }
            latencies.Add([.. mine]);
        }));
        clock.Stop();
        return new RunFigures([.. latencies.SelectMany(l => l)], errors, clock.Elapsed);
    }
}

/// <summary>One run's figures.</summary>
internal sealed record RunFigures(double[] Latencies, int Errors, TimeSpan Elapsed)
{
    public double CallsPerSecond => Latencies.Length / Elapsed.TotalSeconds;

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
