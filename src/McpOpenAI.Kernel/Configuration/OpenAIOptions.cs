namespace McpOpenAI.Kernel.Configuration;

/// <summary>
/// How to reach OpenAI (or any OpenAI-compatible endpoint) and which models to use by default.
/// Bound from the <c>OpenAI</c> configuration section; the host also maps the conventional environment
/// variables (<c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>, <c>OPENAI_ORG_ID</c>, <c>OPENAI_PROJECT</c>).
/// </summary>
public sealed class OpenAIOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "OpenAI";

    /// <summary>The API key; never logged or echoed.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The endpoint, e.g. <c>https://api.openai.com/v1</c> or a compatible server; null for OpenAI.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The OpenAI organization id (<c>OpenAI-Organization</c> header).</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The OpenAI project id (<c>OpenAI-Project</c> header).</summary>
    public string? ProjectId { get; set; }

    /// <summary>The default chat (and vision) model.</summary>
    public string ChatModel { get; set; } = "gpt-4.1-mini";

    /// <summary>The default image model.</summary>
    public string ImageModel { get; set; } = "gpt-image-1";

    /// <summary>The default embedding model.</summary>
    public string EmbeddingModel { get; set; } = "text-embedding-3-small";

    /// <summary>The default moderation model.</summary>
    public string ModerationModel { get; set; } = "omni-moderation-latest";

    /// <summary>How many times a transient failure (429, 5xx, reset, timeout) is retried.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The time allowed for one request, retries included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when an API key is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}
