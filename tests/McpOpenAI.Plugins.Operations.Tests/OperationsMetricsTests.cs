using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Operations.Caching;
using McpOpenAI.Plugins.Operations.Telemetry;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace McpOpenAI.Plugins.Operations.Tests;

public sealed class OperationsMetricsTests
{
    [Fact]
    public async Task ToolCalls_ThroughTheKernelFilter_ShowInTheMeter()
    {
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(OperationsMetrics.Name).AddInMemoryExporter(exported).Build();
        using var metrics = new OperationsMetrics();
        var services = new ServiceCollection().AddSingleton<IFunctionInvocationFilter>(new ToolMetricsFilter(metrics)).BuildServiceProvider();
        var kernel = new Microsoft.SemanticKernel.Kernel(services);
        var plugin = kernel.ImportPluginFromFunctions("Probe",
        [
            KernelFunctionFactory.CreateFromMethod(() => "ok", "metrics_probe_ok"),
            KernelFunctionFactory.CreateFromMethod(string () => throw new FunctionException(ErrorCodes.RateLimited, "slow down"), "metrics_probe_fails"),
        ]);

        await kernel.InvokeAsync(plugin["metrics_probe_ok"], cancellationToken: TestContext.Current.CancellationToken);
        await kernel.InvokeAsync(plugin["metrics_probe_ok"], cancellationToken: TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<FunctionException>(() => kernel.InvokeAsync(plugin["metrics_probe_fails"], cancellationToken: TestContext.Current.CancellationToken));
        provider.ForceFlush();

        var calls = Points(exported, "mcpopenai.tool.calls");
        Assert.Equal(2, Sum(calls, ("tool", "metrics_probe_ok"), ("outcome", "ok")));
        Assert.Equal(1, Sum(calls, ("tool", "metrics_probe_fails"), ("outcome", "error"), ("error.code", ErrorCodes.RateLimited)));
        Assert.Contains(Points(exported, "mcpopenai.tool.duration"), p => Tag(p, "tool") == "metrics_probe_ok" && p.GetHistogramCount() == 2);
    }

    [Fact]
    public async Task CacheHitsAndMisses_ShowInTheMeterAndTheStatistics()
    {
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(OperationsMetrics.Name).AddInMemoryExporter(exported).Build();
        using var metrics = new OperationsMetrics();
        var cache = new OperationsCache(new MemoryDistributedCache(Microsoft.Extensions.Options.Options.Create(new MemoryDistributedCacheOptions())),
            new TestOptions<CacheOptions>(new CacheOptions()), metrics);
        var view = cache.For(CacheKind.Embedding);
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await view.GetAsync("k", ct));
        await view.SetAsync("k", [1, 2, 3], new DistributedCacheEntryOptions(), ct);
        Assert.Equal([1, 2, 3], await view.GetAsync("k", ct));
        provider.ForceFlush();

        Assert.Equal(1, Sum(Points(exported, "mcpopenai.cache.hits"), ("kind", "embedding")));
        Assert.Equal(1, Sum(Points(exported, "mcpopenai.cache.misses"), ("kind", "embedding")));
        var stats = cache.Statistics();
        Assert.Equal((1, 3, 1, 1), (stats.Entries, stats.Bytes, stats.Hits, stats.Misses));
        var cleared = await cache.ClearAsync(ct);
        Assert.Equal(1, cleared.Removed);
        Assert.Null(await view.GetAsync("k", ct));
    }

    private static List<MetricPoint> Points(List<Metric> exported, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in exported.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
                points.Add(point);
        }
        return points;
    }

    private static long Sum(List<MetricPoint> points, params (string Key, string Value)[] tags) =>
        points.Where(p => tags.All(t => Tag(p, t.Key) == t.Value)).Sum(p => p.GetSumLong());

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key) return tag.Value?.ToString();
        }
        return null;
    }
}
