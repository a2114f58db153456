namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>The result of batch_generate_images: every item, in order, each ok or failed.</summary>
/// <param name="Total">How many items.</param>
/// <param name="Succeeded">How many made their images.</param>
/// <param name="Failed">How many failed.</param>
/// <param name="Items">Each item's outcome.</param>
/// <param name="OutputFolder">Where the images are.</param>
public sealed record BatchResult(int Total, int Succeeded, int Failed, IReadOnlyList<BatchItemResult> Items, string OutputFolder);
