using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Resources;

namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>The usage reports as resources: <c>usage://today</c>, <c>usage://month</c> and <c>usage://since/{since}</c> (JSON).</summary>
public sealed class UsageResources(UsageReporter reporter) : IResourceProvider
{
    private const string Scheme = "usage://";

    /// <inheritdoc />
    public IReadOnlyList<ResourceTemplateDescriptor> Templates { get; } =
        [new(Scheme + "since/{since}", "Usage since", "OpenAI usage and estimated cost since a date (2026-12-01), a time, or a span back (7d), as get_usage returns it.")];

    /// <inheritdoc />
    public event EventHandler? Changed
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ResourceDescriptor>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ResourceDescriptor>>(
        [
            new(Scheme + "today", "Usage today", "application/json", "OpenAI usage and estimated cost today (UTC), by tool, model, day and caller."),
            new(Scheme + "month", "Usage this month", "application/json", "OpenAI usage and estimated cost this month (UTC), by tool, model, day and caller."),
        ]);

    /// <inheritdoc />
    public async ValueTask<ResourceContent?> ReadAsync(string uri, CancellationToken cancellationToken)
    {
        if (uri is null || !uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var what = Uri.UnescapeDataString(uri[Scheme.Length..].TrimEnd('/'));
        var since = what.StartsWith("since/", StringComparison.OrdinalIgnoreCase) ? what["since/".Length..] : what;
        if (since is not ("today" or "month") && !what.StartsWith("since/", StringComparison.OrdinalIgnoreCase)) return null;
        var report = await reporter.ReportAsync(reporter.ParseSince(since), null, cancellationToken).ConfigureAwait(false);
        return ResourceContent.FromText(uri, "application/json", KernelJson.Serialize(report));
    }
}
