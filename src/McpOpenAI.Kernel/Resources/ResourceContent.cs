namespace McpOpenAI.Kernel.Resources;

/// <summary>The content of a resource: bytes (an image) or text (JSON metadata).</summary>
public sealed class ResourceContent
{
    private ResourceContent(string uri, string mimeType, ReadOnlyMemory<byte>? bytes, string? text)
    {
        Uri = uri;
        MimeType = mimeType;
        Bytes = bytes;
        Text = text;
    }

    /// <summary>The resource's URI.</summary>
    public string Uri { get; }

    /// <summary>The content type.</summary>
    public string MimeType { get; }

    /// <summary>Binary content, or null for text.</summary>
    public ReadOnlyMemory<byte>? Bytes { get; }

    /// <summary>Text content, or null for binary.</summary>
    public string? Text { get; }

    /// <summary>Binary content.</summary>
    public static ResourceContent FromBytes(string uri, string mimeType, ReadOnlyMemory<byte> bytes) => new(uri, mimeType, bytes, null);

    /// <summary>Text content.</summary>
    public static ResourceContent FromText(string uri, string mimeType, string text) => new(uri, mimeType, null, text);
}
