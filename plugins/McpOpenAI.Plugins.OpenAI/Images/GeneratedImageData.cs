namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>One image as an API returned it, before it is saved.</summary>
internal sealed record GeneratedImageData(byte[] Bytes)
{
    public string? RevisedPrompt { get; init; }
    public string? Size { get; init; }
    public string? Quality { get; init; }
    public string? Background { get; init; }
    public string? Format { get; init; }
    public string? ResponseId { get; init; }
    public string? ImageCallId { get; init; }
}
