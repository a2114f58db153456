namespace McpOpenAI.Kernel.Resources;

/// <summary>One resource as a list shows it.</summary>
/// <param name="Uri">Its URI, e.g. <c>image://openai-image-20250101-120000-abc.png</c>.</param>
/// <param name="Name">A short name (a file name).</param>
/// <param name="MimeType">The content type, when known.</param>
/// <param name="Description">A line about it (the prompt that made an image).</param>
/// <param name="Size">Its size in bytes, when known.</param>
public sealed record ResourceDescriptor(string Uri, string Name, string? MimeType = null, string? Description = null, long? Size = null);
