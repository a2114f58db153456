namespace McpOpenAI.Kernel.Resources;

/// <summary>A family of resources addressed by an RFC 6570 URI template.</summary>
/// <param name="UriTemplate">The template, e.g. <c>image://{name}</c>.</param>
/// <param name="Name">A short name.</param>
/// <param name="Description">What the template addresses.</param>
/// <param name="MimeType">The content type, when all share one.</param>
public sealed record ResourceTemplateDescriptor(string UriTemplate, string Name, string? Description = null, string? MimeType = null);
