using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace McpOpenAI.Server.Telemetry;

/// <summary>The Prometheus scrape endpoint for the server's metrics, for the HTTP host to map.</summary>
public static class MetricsEndpointExtensions
{
    /// <summary>
    /// Maps <paramref name="pattern"/> (default <c>/metrics</c>) to OpenTelemetry's Prometheus exporter, which the server
    /// registers with the <c>McpOpenAI</c> meter; it answers in the Prometheus text format.
    /// </summary>
    public static IEndpointConventionBuilder MapMcpOpenAIMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPrometheusScrapingEndpoint(pattern);
    }
}
