using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace McpOpenAI.Bench;

/// <summary>
/// Per-call latency over stdio, side by side: each target server is started once, warmed up, then sent the same
/// <c>tools/call</c> many times in turn (A, B, A, B …, one at a time) so a noisy machine slows all of them alike.
/// </summary>
internal static class CallsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = 2000;
        var warmup = 500;
        var tool = "text_stats";
        var arguments = """{"text":"The quick brown fox jumps over the lazy dog."}""";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var targets = new List<(string Label, string Command)>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--calls": calls = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--tool": tool = args[++i]; break;
                case "--arguments": arguments = args[++i]; break;
                case "--env":
                    var pair = args[++i].Split('=', 2);
                    environment[pair[0]] = pair[1];
                    break;
                default:
                    var target = args[i].Split('=', 2);
                    targets.Add((target[0], target[1]));
                    break;
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var servers = new List<(string Label, StdioSession Session)>();
        try
        {
            foreach (var (label, command) in targets)
                servers.Add((label, await StdioSession.StartAsync(command, environment, timeout.Token).ConfigureAwait(false)));
            var request = JsonNode.Parse($$"""{"name":"{{tool}}","arguments":{{arguments}}}""")!.AsObject();
            var samples = servers.ToDictionary(s => s.Label, _ => new List<double>(calls));
            for (var i = 0; i < warmup + calls; i++)
            {
                foreach (var (label, session) in servers)
                {
                    var clock = Stopwatch.StartNew();
                    var result = await session.RequestAsync("tools/call", request.DeepClone().AsObject(), timeout.Token).ConfigureAwait(false);
                    var elapsed = clock.Elapsed.TotalMilliseconds;
                    if (result["result"]?["isError"]?.GetValue<bool>() == true || result["error"] is not null)
                        throw new InvalidOperationException($"{label}: {tool} failed: {result.ToJsonString()}");
                    if (i >= warmup)
                        samples[label].Add(elapsed);
                }
            }
            Console.WriteLine($"calls: {tool} over stdio, {calls} calls each after {warmup} warm-up calls, interleaved; milliseconds per call");
            Console.WriteLine($"{"target",-24} {"p50",8} {"p90",8} {"p99",8} {"mean",8}");
            var baseline = samples[servers[0].Label];
            foreach (var (label, _) in servers)
            {
                var s = samples[label];
                var line = $"{label,-24} {Stats.Percentile(s, 50),8:F3} {Stats.Percentile(s, 90),8:F3} {Stats.Percentile(s, 99),8:F3} {s.Average(),8:F3}";
                if (!ReferenceEquals(s, baseline))
                    line += $"   p50 ×{Stats.Percentile(s, 50) / Stats.Percentile(baseline, 50):F2}, p99 ×{Stats.Percentile(s, 99) / Stats.Percentile(baseline, 99):F2} of {servers[0].Label}";
                Console.WriteLine(line);
            }
            return 0;
        }
        finally
        {
            foreach (var (_, session) in servers)
                await session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
