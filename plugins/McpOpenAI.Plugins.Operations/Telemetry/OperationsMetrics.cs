using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace McpOpenAI.Plugins.Operations.Telemetry;

/// <summary>
/// The <c>McpOpenAI</c> meter and activity source: tool calls (count and duration, by tool, outcome and error code),
/// cache hits and misses, and the requests and estimated cost that reached OpenAI. Microsoft.Extensions.AI's
/// OpenTelemetry chat layer reports its gen_ai metrics and spans under the same name.
/// </summary>
public sealed class OperationsMetrics : IDisposable
{
    /// <summary>The meter's and the activity source's name; what an OpenTelemetry exporter subscribes to.</summary>
    public const string Name = "McpOpenAI";

    private readonly Meter _meter;
    private readonly Counter<long> _toolCalls;
    private readonly Histogram<double> _toolDuration;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _requests;
    private readonly Counter<double> _cost;

    /// <summary>Creates the meter.</summary>
    public OperationsMetrics()
    {
        _meter = new Meter(Name, typeof(OperationsMetrics).Assembly.GetName().Version?.ToString());
        _toolCalls = _meter.CreateCounter<long>("mcpopenai.tool.calls", "{call}", "Tool calls, by tool, outcome (ok, error, cancelled) and error code.");
        _toolDuration = _meter.CreateHistogram<double>("mcpopenai.tool.duration", "s", "How long tool calls took.");
        _cacheHits = _meter.CreateCounter<long>("mcpopenai.cache.hits", "{hit}", "Requests answered from the response cache, by kind.");
        _cacheMisses = _meter.CreateCounter<long>("mcpopenai.cache.misses", "{miss}", "Cacheable requests that went to OpenAI, by kind.");
        _requests = _meter.CreateCounter<long>("mcpopenai.openai.requests", "{request}", "Requests that reached OpenAI, by model and outcome.");
        _cost = _meter.CreateCounter<double>("mcpopenai.openai.cost", "USD", "Estimated cost of the requests that reached OpenAI, by model.");
    }

    /// <summary>The activity source tool calls are traced with.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Records one tool call.</summary>
    public void ToolCall(string tool, string outcome, string? errorCode, TimeSpan duration)
    {
        var tags = new TagList { { "tool", tool }, { "outcome", outcome } };
        if (errorCode is not null) tags.Add("error.code", errorCode);
        _toolCalls.Add(1, tags);
        _toolDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Records a cache hit.</summary>
    public void CacheHit(string kind) => _cacheHits.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Records a cache miss.</summary>
    public void CacheMiss(string kind) => _cacheMisses.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Records a request that reached OpenAI and its estimated cost.</summary>
    public void Request(string model, string outcome, decimal cost)
    {
        _requests.Add(1, new KeyValuePair<string, object?>("model", model), new KeyValuePair<string, object?>("outcome", outcome));
        if (cost > 0) _cost.Add((double)cost, new KeyValuePair<string, object?>("model", model));
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
