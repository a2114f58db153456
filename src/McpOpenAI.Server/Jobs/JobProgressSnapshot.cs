namespace McpOpenAI.Server.Jobs;

/// <summary>What a running job has done so far, as its progress reports told it.</summary>
internal sealed record JobProgressSnapshot
{
    /// <summary>The latest status line.</summary>
    public string? Message { get; init; }

    /// <summary>Work done so far (the function's unit), when it says.</summary>
    public double? Progress { get; init; }

    /// <summary>All the work in the same unit, when it says.</summary>
    public double? Total { get; init; }

    /// <summary>The files written so far (partial images, batch items), in order.</summary>
    public IReadOnlyList<JobFile> Files { get; init; } = [];

    /// <summary>The model output streamed so far (its start, when long).</summary>
    public string? Text { get; init; }
}
