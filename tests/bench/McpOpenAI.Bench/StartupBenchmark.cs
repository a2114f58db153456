using System.Globalization;

namespace McpOpenAI.Bench;

/// <summary>
/// Start-up of stdio MCP servers, side by side: each target is started <c>--runs</c> times, interleaved (A B A B …)
/// so a noisy machine slows all of them alike, after one discarded warm-up start each (disk cache, first-run files).
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = 10;
        var rss = false;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var targets = new List<(string Label, string Command)>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--rss":
                    rss = true;
                    break;
                case "--env":
                    var pair = args[++i].Split('=', 2);
                    environment[pair[0]] = pair[1];
                    break;
                default:
                    var target = args[i].Split('=', 2);
                    if (target.Length != 2)
                        throw new ArgumentException($"Expected LABEL=COMMAND, got '{args[i]}'.");
                    targets.Add((target[0], target[1]));
                    break;
            }
        }
        if (targets.Count == 0)
            throw new ArgumentException("Name at least one LABEL=COMMAND.");

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var samples = targets.ToDictionary(t => t.Label, _ => new List<StdioProbe.Sample>());
        for (var run = -1; run < runs; run++)
        {
            foreach (var (label, command) in targets)
            {
                var sample = await StdioProbe.RunAsync(command, environment, rss, timeout.Token).ConfigureAwait(false);
                if (run >= 0)
                    samples[label].Add(sample);
            }
        }

        Console.WriteLine($"startup: {runs} interleaved runs each, after one warm-up; milliseconds from process start");
        Console.WriteLine($"{"target",-24} {"initialize p50",15} {"p90",8} {"tools/list p50",15} {"p90",8} {"tools",6} {"early msgs",11}{(rss ? $" {"idle RSS MB",12}" : "")}");
        var baseline = samples[targets[0].Label];
        foreach (var (label, _) in targets)
        {
            var s = samples[label];
            var line = $"{label,-24} {Percentile(s, x => x.InitializeMs, 50),15:F0} {Percentile(s, x => x.InitializeMs, 90),8:F0} " +
                $"{Percentile(s, x => x.ToolsListMs, 50),15:F0} {Percentile(s, x => x.ToolsListMs, 90),8:F0} {s[0].Tools,6} {s.Max(x => x.EarlyMessages),11}";
            if (rss)
                line += $" {Percentile(s, x => x.IdleRssKb ?? 0, 50) / 1024,12:F1}";
            if (!ReferenceEquals(s, baseline))
                line += $"   initialize ×{Percentile(s, x => x.InitializeMs, 50) / Percentile(baseline, x => x.InitializeMs, 50):F2}, " +
                    $"tools/list ×{Percentile(s, x => x.ToolsListMs, 50) / Percentile(baseline, x => x.ToolsListMs, 50):F2} of {targets[0].Label}";
            Console.WriteLine(line);
        }
        return 0;
    }

    private static double Percentile(List<StdioProbe.Sample> samples, Func<StdioProbe.Sample, double> value, int percentile) =>
        Stats.Percentile(samples.Select(value), percentile);
}
