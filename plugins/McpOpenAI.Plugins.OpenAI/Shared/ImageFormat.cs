namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>Recognises the image formats OpenAI accepts by their first bytes, not by a file name or a claimed type.</summary>
public static class ImageFormat
{
    /// <summary>The formats OpenAI's vision and image endpoints accept, for messages.</summary>
    public const string Supported = "PNG, JPEG, WEBP, GIF";

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    /// <summary>The media type of <paramref name="bytes"/> (<c>image/png</c>, …), or null when it is none of <see cref="Supported"/>.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Png)) return "image/png";
        if (bytes.StartsWith(Jpeg)) return "image/jpeg";
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return "image/gif";
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>The usual file extension (without dot) of a media type from <see cref="Detect"/>.</summary>
    public static string Extension(string mediaType) => mediaType switch
    {
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ => "png",
    };
}
