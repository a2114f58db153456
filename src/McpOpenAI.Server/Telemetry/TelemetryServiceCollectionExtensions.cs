using McpOpenAI.Plugins.Operations.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace McpOpenAI.Server.Telemetry;

/// <summary>
/// OpenTelemetry for the server: the <c>McpOpenAI</c> meter (tool calls, cache, OpenAI requests and cost, and the gen_ai
/// metrics of the chat pipeline) and traces (one span per tool call, the chat client's spans under it), exported over
/// OTLP to <c>Telemetry:Otlp:Endpoint</c> and/or to stderr with <c>Telemetry:Console</c>, and kept for a Prometheus
/// scrape (<see cref="MetricsEndpointExtensions.MapMcpOpenAIMetrics"/>). Log lines carry the trace and span ids. Spans are
/// recorded only when an exporter is configured, metrics only when they are exported or scraped.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <param name="services">The services.</param>
    /// <param name="configuration">Where <c>Telemetry:Otlp:Endpoint</c> and <c>Telemetry:Console</c> are read.</param>
    /// <param name="version">The service version the resource reports.</param>
    /// <param name="scrape">Whether the host serves the Prometheus scrape (the HTTP host does).</param>
    public static IServiceCollection AddMcpOpenAITelemetry(this IServiceCollection services, IConfiguration configuration, string version, bool scrape)
    {
        var otlp = configuration["Telemetry:Otlp:Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint, UriKind.Absolute) : null;
        var console = configuration.GetValue("Telemetry:Console", false);
        var export = otlp is not null || console;
        // With nothing to read them (stdio, no exporter configured) there are no providers: starting them cost ~60 ms of
        // start-up, and a listened-to source makes every tool call record a span that no one sees.
        if (!export && !scrape)
            return services;
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("mcp-openai", serviceVersion: version))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OperationsMetrics.Name);
                if (scrape) metrics.AddPrometheusExporter();
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                // While serving, Console.Out is stderr (CommandRunner): stdout carries MCP over stdio.
                if (console) metrics.AddConsoleExporter(o => o.Targets = OpenTelemetry.Exporter.ConsoleExporterOutputTargets.Console);
            });
        if (export)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(OperationsMetrics.Name);
                if (otlp is not null) tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                if (console) tracing.AddConsoleExporter(o => o.Targets = OpenTelemetry.Exporter.ConsoleExporterOutputTargets.Console);
            });
        }
        return services;
    }
}
