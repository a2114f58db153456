using McpOpenAI.Kernel.Resources;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Bridge.Resources;

/// <summary>Maps kernel resource types to their MCP protocol counterparts.</summary>
internal static class ResourceMapper
{
    public static Resource ToProtocol(ResourceDescriptor resource) => new()
    {
        Uri = resource.Uri,
        Name = resource.Name,
        MimeType = resource.MimeType,
        Description = resource.Description,
        Size = resource.Size,
    };

    public static ResourceTemplate ToProtocol(ResourceTemplateDescriptor template) => new()
    {
        UriTemplate = template.UriTemplate,
        Name = template.Name,
        Description = template.Description,
        MimeType = template.MimeType,
    };

    public static ResourceContents ToProtocol(ResourceContent content) => content.Bytes is { } bytes
        ? BlobResourceContents.FromBytes(bytes, content.Uri, content.MimeType)
        : new TextResourceContents { Uri = content.Uri, MimeType = content.MimeType, Text = content.Text ?? "" };
}
