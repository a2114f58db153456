namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>A multi-turn image conversation: each step is one Responses API generation or edit.</summary>
public sealed record ImageThread
{
    /// <summary>The thread id (<c>thr_…</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>The first prompt, as a title.</summary>
    public string Title { get; init; } = "";

    /// <summary>When the thread started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the last step was added.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<ImageThreadStep> Steps { get; init; } = [];
}
