using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Operations.Usage;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Operations;

/// <summary>The Operations plugin's <c>get_usage</c> tool.</summary>
public sealed class UsageFunctions(UsageReporter reporter)
{
    /// <summary>Usage and estimated cost since a time, by tool, model, day and caller.</summary>
    [KernelFunction("get_usage")]
    [Description("Show what reached OpenAI and what it cost (an estimate from the price table): requests, input tokens (and cached ones), output tokens, images and US dollars, " +
        "in total and by tool, by model, by day and by caller, with the budget caps and how much of each is spent. Also the usage://today and usage://month resources.")]
    [FunctionTraits(Title = "Usage and cost", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    public Task<UsageReport> GetUsageAsync(
        [Description("From when: an ISO 8601 date or time (2026-12-01, 2026-12-01T08:00:00Z), today, month, or a span back (7d, 12h). Default: the start of this month (UTC).")] string? since = null,
        [Description("Only one grouping: tool, model, day or caller. Default: all four.")] string? groupBy = null,
        CancellationToken cancellationToken = default)
    {
        var grouping = string.IsNullOrWhiteSpace(groupBy) ? null : groupBy.Trim().ToLowerInvariant();
        if (grouping is not null && !UsageReporter.Groupings.Contains(grouping))
            throw FunctionException.InvalidArgument("group_by", $"'{groupBy}' is not a grouping.", string.Join(", ", UsageReporter.Groupings), "model");
        return reporter.ReportAsync(reporter.ParseSince(since), grouping, cancellationToken);
    }
}
