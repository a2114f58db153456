namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>What one API call produced.</summary>
/// <param name="Images">The final images.</param>
/// <param name="Usage">Token usage, when reported.</param>
/// <param name="Api">Which API made them: <c>images_api</c>, <c>responses_api</c>, <c>variations_endpoint</c>.</param>
internal sealed record ImageApiResult(IReadOnlyList<GeneratedImageData> Images, ImageUsage? Usage, string Api);
