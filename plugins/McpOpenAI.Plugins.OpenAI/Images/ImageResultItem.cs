namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>One saved image as a result lists it.</summary>
/// <param name="Id">Our id (pass it to edit_image or create_variations).</param>
/// <param name="Path">The full file path.</param>
/// <param name="Uri">The <c>image://</c> resource URI.</param>
/// <param name="Format">png, jpeg or webp.</param>
/// <param name="Size">WIDTHxHEIGHT, when known.</param>
/// <param name="RevisedPrompt">The model's rewrite of the prompt.</param>
/// <param name="ResponseId">The Responses API response id.</param>
/// <param name="Thread">The image thread.</param>
/// <param name="Step">The step in the thread.</param>
public sealed record ImageResultItem(string Id, string Path, string Uri, string Format, string? Size, string? RevisedPrompt = null,
    string? ResponseId = null, string? Thread = null, int? Step = null);
