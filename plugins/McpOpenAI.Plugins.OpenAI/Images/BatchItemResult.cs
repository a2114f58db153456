namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>The outcome of one batch item.</summary>
/// <param name="Index">The item's number, from 1.</param>
/// <param name="Prompt">Its prompt.</param>
/// <param name="Settings">A short description of its settings.</param>
/// <param name="Status"><c>ok</c> or <c>error</c>.</param>
/// <param name="Images">Its saved images.</param>
/// <param name="ErrorCode">The error code when it failed.</param>
/// <param name="Error">The error message when it failed.</param>
public sealed record BatchItemResult(int Index, string Prompt, string Settings, string Status, IReadOnlyList<ImageResultItem> Images, string? ErrorCode = null, string? Error = null);
