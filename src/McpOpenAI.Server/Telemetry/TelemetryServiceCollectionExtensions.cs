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
/// scrape (<see cref="MetricsEndpointExtensions.MapMcpOpenAIMetrics"/>). Log lines carry the trace and span ids.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddMcpOpenAITelemetry(this IServiceCollection services, IConfiguration configuration, string version)
    {
        var otlp = configuration["Telemetry:Otlp:Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint, UriKind.Absolute) : null;
        var console = configuration.GetValue("Telemetry:Console", false);
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("mcp-openai", serviceVersion: version))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OperationsMetrics.Name).AddPrometheusExporter();
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                // While serving, Console.Out is stderr (CommandRunner): stdout carries MCP over stdio.
                if (console) metrics.AddConsoleExporter(o => o.Targets = OpenTelemetry.Exporter.ConsoleExporterOutputTargets.Console);
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(OperationsMetrics.Name);
                if (otlp is not null) tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                if (console) tracing.AddConsoleExporter(o => o.Targets = OpenTelemetry.Exporter.ConsoleExporterOutputTargets.Console);
            });
        return services;
    }
}
