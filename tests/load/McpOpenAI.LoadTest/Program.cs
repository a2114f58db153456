using System.Collections.Concurrent;
using System.Diagnostics;
using McpOpenAI.LoadTest;
using ModelContextProtocol.Client;

LoadSettings settings;
try
{
    settings = LoadSettings.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var limit = new CancellationTokenSource(settings.TimeLimit + TimeSpan.FromSeconds(60));
await using var server = await ServerUnderLoad.StartAsync(settings.ServerDll, limit.Token);
Console.WriteLine($"load: server at {server.Endpoint}; {settings.Sessions} sessions x {settings.CallsPerSession} calls, at most {settings.TimeLimit.TotalSeconds:0} s");

// Warm up one session so start-up costs (JIT, first plugin load) are not in the figures.
await using (var warm = await ConnectAsync(server.Endpoint, limit.Token))
    await warm.CallToolAsync("text_stats", new Dictionary<string, object?> { ["text"] = "warm up" }, cancellationToken: limit.Token);
var memoryBefore = server.MemoryMb;

var latencies = new ConcurrentBag<double>();
var errors = 0;
using var stopCalls = new CancellationTokenSource(settings.TimeLimit);
var clock = Stopwatch.StartNew();
var workers = Enumerable.Range(0, settings.Sessions).Select(async worker =>
{
    try
    {
        await using var client = await ConnectAsync(server.Endpoint, limit.Token);
        for (var call = 0; call < settings.CallsPerSession && !stopCalls.IsCancellationRequested; call++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var result = await client.CallToolAsync("text_stats",
                    new Dictionary<string, object?> { ["text"] = $"session {worker} call {call}: the quick brown fox jumps over the lazy dog." },
                    cancellationToken: limit.Token);
                if (result.IsError == true) Interlocked.Increment(ref errors);
                else latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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
}).ToArray();
await Task.WhenAll(workers);
clock.Stop();
var memoryAfter = server.MemoryMb;

var sorted = latencies.OrderBy(x => x).ToArray();
double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
Console.WriteLine($"load: {sorted.Length} calls in {clock.Elapsed.TotalSeconds:0.0} s = {sorted.Length / clock.Elapsed.TotalSeconds:0} calls/s");
Console.WriteLine($"load: latency p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {(sorted.Length > 0 ? sorted[^1] : double.NaN):0.0} ms");
Console.WriteLine($"load: errors {errors}");
Console.WriteLine($"load: server memory {memoryBefore:0} MB before, {memoryAfter:0} MB after");
return errors == 0 ? 0 : 1;

static Task<McpClient> ConnectAsync(Uri endpoint, CancellationToken cancellationToken) =>
    McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }),
        cancellationToken: cancellationToken);
