namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>An image file type recognised by its first bytes.</summary>
/// <param name="Format">The short name: <c>png</c>, <c>jpeg</c>, <c>webp</c>, <c>gif</c>.</param>
/// <param name="MediaType">The MIME type.</param>
/// <param name="Extension">The file extension without a dot.</param>
internal sealed record ImageFileType(string Format, string MediaType, string Extension)
{
    public static readonly ImageFileType Png = new("png", "image/png", "png");
    public static readonly ImageFileType Jpeg = new("jpeg", "image/jpeg", "jpg");
    public static readonly ImageFileType Webp = new("webp", "image/webp", "webp");
    public static readonly ImageFileType Gif = new("gif", "image/gif", "gif");

    /// <summary>The type of <paramref name="data"/> by magic bytes, or null when it is none of the known images.</summary>
    public static ImageFileType? Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 8 && data[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return Jpeg;
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8)) return Webp;
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)) return Gif;
        return null;
    }

    /// <summary>The type for an <c>output_format</c> value.</summary>
    public static ImageFileType FromFormat(string? format) => format switch
    {
        "jpeg" or "jpg" => Jpeg,
        "webp" => Webp,
        _ => Png,
    };
}
