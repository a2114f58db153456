namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>What one OpenAI answer says it used: tokens from its <c>usage</c> object, images it returned.</summary>
public sealed class UsageFigures
{
    /// <summary>Input tokens, cached and image tokens included.</summary>
    public long InputTokens { get; set; }

    /// <summary>Input tokens served from OpenAI's prompt cache.</summary>
    public long CachedInputTokens { get; set; }

    /// <summary>Input tokens that were images (image models).</summary>
    public long ImageInputTokens { get; set; }

    /// <summary>Output tokens.</summary>
    public long OutputTokens { get; set; }

    /// <summary>Images returned.</summary>
    public int Images { get; set; }

    /// <summary>Their size, e.g. 1024x1024.</summary>
    public string? ImageSize { get; set; }

    /// <summary>Their quality, e.g. high.</summary>
    public string? ImageQuality { get; set; }

    /// <summary>The model the answer names (a dated snapshot, often).</summary>
    public string? Model { get; set; }

    /// <summary>True when nothing was counted.</summary>
    public bool IsEmpty => InputTokens == 0 && OutputTokens == 0 && Images == 0;
}
