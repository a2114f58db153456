using System.Diagnostics;
using System.Globalization;
using McpOpenAI.LoadTest;

// Figures, never a pass or fail on timing: the same runs against each target, interleaved, so a noisy machine slows all alike.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
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

var home = Directory.CreateTempSubdirectory("mcp-openai-load-").FullName;
using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(settings.Mode == "soak" ? settings.SoakDuration.TotalMinutes + 10 : 60));
var servers = new List<ServerUnderLoad>();
try
{
    foreach (var target in settings.Targets)
    {
        var server = await ServerUnderLoad.StartAsync(target, home, abort.Token);
        servers.Add(server);
        // Past tiered JIT and the first allocations of every session, or the figures measure those.
        var warm = await Calls.RunAsync(server.Endpoint, settings.Clients, Math.Max(1, settings.WarmupCalls / settings.Clients), CancellationToken.None, abort.Token);
        Console.WriteLine($"load: {target.Label} at {server.Endpoint}, warmed up with {warm.Latencies.Length} calls ({warm.Errors} errors), RSS {server.RssMb:0} MB");
    }
    return settings.Mode == "soak" ? await SoakAsync(servers[0]) : await LoadAsync();
}
finally
{
    foreach (var server in servers)
        await server.DisposeAsync();
    try { Directory.Delete(home, recursive: true); } catch (IOException) { }
}

async Task<int> LoadAsync()
{
    var runs = servers.ToDictionary(s => s, _ => new List<(RunFigures Figures, double Rss)>());
    for (var round = 0; round < settings.Rounds; round++)
    {
        // Each round starts with another target, so none always runs first or last.
        foreach (var server in servers.Skip(round % servers.Count).Concat(servers.Take(round % servers.Count)))
        {
            var figures = await Calls.RunAsync(server.Endpoint, settings.Clients, settings.CallsPerClient, CancellationToken.None, abort.Token);
            runs[server].Add((figures, server.RssMb));
        }
    }

    Console.WriteLine($"load: {settings.Clients} clients x {settings.CallsPerClient} calls of text_stats, {settings.Rounds} rounds per target, interleaved");
    Console.WriteLine($"{"target",-16} {"calls/s",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"RSS MB",8} {"errors",7}");
    var rows = servers.Select(s =>
    {
        var all = runs[s].SelectMany(r => r.Figures.Latencies).Order().ToArray();
        return (Server: s, Cps: RunFigures.Median(runs[s].Select(r => r.Figures.CallsPerSecond)), P50: RunFigures.Percentile(all, 0.5),
            P99: RunFigures.Percentile(all, 0.99), Max: all.Length > 0 ? all[^1] : double.NaN, Rss: RunFigures.Median(runs[s].Select(r => r.Rss)),
            Errors: runs[s].Sum(r => r.Figures.Errors));
    }).ToArray();
    var baseline = rows[^1];
    // Each round's calls/s against the baseline's in the same round: on a shared machine the speed drifts between rounds
    // more than between targets, so the median of these paired ratios is steadier than the ratio of the medians.
    double Paired(ServerUnderLoad server) =>
        RunFigures.Median(runs[server].Zip(runs[baseline.Server], (a, b) => a.Figures.CallsPerSecond / b.Figures.CallsPerSecond));
    foreach (var row in rows)
    {
        var ratio = row.Server == baseline.Server ? "baseline"
            : $"calls/s x{row.Cps / baseline.Cps:0.00} (paired by round x{Paired(row.Server):0.00}), p99 x{row.P99 / baseline.P99:0.00}, RSS x{row.Rss / baseline.Rss:0.00} of {baseline.Server.Target.Label}";
        Console.WriteLine($"{row.Server.Target.Label,-16} {row.Cps,9:0} {row.P50,8:0.0} {row.P99,8:0.0} {row.Max,8:0.0} {row.Rss,8:0} {row.Errors,7}   {ratio}");
    }
    return rows.Sum(r => r.Errors) == 0 ? 0 : 1;
}

async Task<int> SoakAsync(ServerUnderLoad server)
{
    Console.WriteLine($"soak: {server.Target.Label}, {settings.Clients} clients calling text_stats for {settings.SoakDuration.TotalMinutes:0} min; RSS sampled every 5 s");
    Console.WriteLine($"{"minute",6} {"calls/s",9} {"p50 ms",8} {"p99 ms",8} {"RSS MB max",11} {"RSS MB end",11} {"errors",7}");
    using var stop = new CancellationTokenSource(settings.SoakDuration);
    var clock = Stopwatch.StartNew();
    var minutes = new List<(double Cps, double P50, double P99, double RssMax, double RssEnd, int Errors)>();
    var samples = new List<double>();
    using var sampling = new PeriodicTimer(TimeSpan.FromSeconds(5));
    var sampler = Task.Run(async () =>
    {
        while (await sampling.WaitForNextTickAsync(abort.Token) && !stop.IsCancellationRequested)
            lock (samples) samples.Add(server.RssMb);
    });
    while (!stop.IsCancellationRequested)
    {
        // One minute of load (the last may be shorter), then its figures.
        using var minute = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        minute.CancelAfter(TimeSpan.FromMinutes(1));
        var figures = await Calls.RunAsync(server.Endpoint, settings.Clients, int.MaxValue, minute.Token, abort.Token);
        double[] rss;
        lock (samples) { rss = [.. samples, server.RssMb]; samples.Clear(); }
        var sorted = figures.Latencies.Order().ToArray();
        minutes.Add((figures.CallsPerSecond, RunFigures.Percentile(sorted, 0.5), RunFigures.Percentile(sorted, 0.99), rss.Max(), rss[^1], figures.Errors));
        var m = minutes[^1];
        Console.WriteLine($"{minutes.Count,6} {m.Cps,9:0} {m.P50,8:0.0} {m.P99,8:0.0} {m.RssMax,11:0} {m.RssEnd,11:0} {m.Errors,7}");
    }
    sampling.Dispose();
    await sampler.ContinueWith(_ => { }, TaskScheduler.Default);
    await Task.Delay(TimeSpan.FromSeconds(30), abort.Token);
    var idle = server.RssMb;
    if (minutes.Count >= 3)
    {
        var (second, last) = (minutes[1].RssEnd, minutes[^1].RssEnd);
        Console.WriteLine($"soak: RSS {second:0} MB after minute 2, {last:0} MB at the end ({(last / second - 1) * 100:+0.0;-0.0}%), {idle:0} MB after 30 s idle; " +
            $"{minutes.Sum(m => m.Cps * 60):0} calls, {minutes.Sum(m => m.Errors)} errors in {clock.Elapsed.TotalMinutes:0.0} min");
    }
    return minutes.Sum(m => m.Errors) == 0 ? 0 : 1;
}
