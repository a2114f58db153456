namespace McpOpenAI.Kernel.Resources;

/// <summary>
/// Something that offers readable resources (generated files, stored threads) to hosts. A host such as the MCP
/// bridge lists and reads them without knowing which plugin they come from.
/// </summary>
public interface IResourceProvider
{
    /// <summary>The URI templates this provider answers, for hosts that list templates.</summary>
    IReadOnlyList<ResourceTemplateDescriptor> Templates { get; }

    /// <summary>Raised when the set of resources changed (a file was added or removed).</summary>
    event EventHandler? Changed;

    /// <summary>Every resource the provider offers now.</summary>
    ValueTask<IReadOnlyList<ResourceDescriptor>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Reads a resource; null when the URI is not one of this provider's.</summary>
    ValueTask<ResourceContent?> ReadAsync(string uri, CancellationToken cancellationToken);
}
