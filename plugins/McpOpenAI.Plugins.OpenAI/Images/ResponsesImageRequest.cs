using McpOpenAI.Plugins.OpenAI.Shared;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>One turn of image generation or editing through the Responses API.</summary>
/// <param name="Settings">The image tool's options.</param>
/// <param name="Prompt">The user's instruction.</param>
/// <param name="Images">Input images to edit (may be empty when continuing a thread).</param>
/// <param name="Mask">An optional PNG mask.</param>
/// <param name="PreviousResponseId">The response this turn continues.</param>
internal sealed record ResponsesImageRequest(ImageSettings Settings, string Prompt, IReadOnlyList<ImageInput> Images, ImageInput? Mask, string? PreviousResponseId);
