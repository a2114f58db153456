namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>A partial image streamed while the final one renders.</summary>
/// <param name="Bytes">The image bytes.</param>
/// <param name="Index">Its index among the partials of its image.</param>
/// <param name="ImageIndex">Which of the requested images it belongs to.</param>
internal sealed record PartialImage(byte[] Bytes, int Index, int ImageIndex);
