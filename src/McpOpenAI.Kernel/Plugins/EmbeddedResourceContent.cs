using McpOpenAI.Kernel.Resources;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// A resource's content embedded in a message or a result (text or bytes, with its URI), as opposed to a link to
/// it (<see cref="UriContent"/>). Hosts that know resources show it as one (MCP: an embedded resource block);
/// others can show its text.
/// </summary>
public sealed class EmbeddedResourceContent : AIContent
{
    /// <summary>Embeds a resource's content.</summary>
    public EmbeddedResourceContent(ResourceContent resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Resource = resource;
    }

    /// <summary>The resource: URI, content type, and text or bytes.</summary>
    public ResourceContent Resource { get; }

    /// <inheritdoc />
    public override string ToString() => Resource.Text ?? $"[{Resource.MimeType} resource {Resource.Uri}]";
}
