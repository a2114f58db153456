using McpOpenAI.Kernel.Configuration;

namespace McpOpenAI.Kernel.OpenAI;

/// <summary>The option values a built SDK client depends on; a change means a new client.</summary>
internal sealed record ClientSettings(string? ApiKey, string? BaseUrl, string? OrganizationId, string? ProjectId, int MaxRetries, TimeSpan RequestTimeout)
{
    public static ClientSettings From(OpenAIOptions options) =>
        new(options.ApiKey?.Trim(), options.BaseUrl?.Trim(), options.OrganizationId, options.ProjectId, options.MaxRetries, options.RequestTimeout);

    // The key must never reach a log through a record's generated ToString.
    public override string ToString() => $"ClientSettings {{ BaseUrl = {BaseUrl}, MaxRetries = {MaxRetries} }}";
}
