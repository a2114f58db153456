using McpOpenAI.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace McpOpenAI.Server.Tests.Operations;

/// <summary>OpenTelemetry's providers exist only when something reads what they record.</summary>
[Collection(SharedMeterCollection.Name)]
public sealed class TelemetryProvidersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 120_000)]
    public async Task Stdio_NoExporterConfigured_NoProviders_ToolsWork()
    {
        await using var ops = await OpsServer.StartAsync(Ct);

        Assert.Null(ops.Server.Services.GetService<TracerProvider>());
        Assert.Null(ops.Server.Services.GetService<MeterProvider>());
        await ops.ResultAsync("text_stats", new { text = "one two" }, Ct);
    }

    [Fact(Timeout = 120_000)]
    public async Task ConsoleExporterConfigured_TracerAndMeterProviders()
    {
        await using var ops = await OpsServer.StartAsync(Ct, "--Telemetry:Console=true");

        Assert.NotNull(ops.Server.Services.GetService<TracerProvider>());
        Assert.NotNull(ops.Server.Services.GetService<MeterProvider>());
        await ops.ResultAsync("text_stats", new { text = "one two" }, Ct);
    }
}
