namespace McpOpenAI.Server.Jobs;

/// <summary>A file a running job reported as written, with its resource link when the function gave one.</summary>
/// <param name="Path">The file path.</param>
/// <param name="Uri">The resource URI (e.g. <c>image://images/…</c>), when known.</param>
/// <param name="MimeType">The file's media type, when known.</param>
internal sealed record JobFile(string Path, string? Uri = null, string? MimeType = null);
