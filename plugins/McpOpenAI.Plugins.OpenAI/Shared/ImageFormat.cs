using McpOpenAI.Plugins.OpenAI.Images;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>Recognises the image formats OpenAI accepts by their first bytes, not by a file name or a claimed type.</summary>
public static class ImageFormat
{
    /// <summary>The formats OpenAI's vision and image endpoints accept, for messages.</summary>
    public const string Supported = "PNG, JPEG, WEBP, GIF";

    /// <summary>The media type of <paramref name="bytes"/> (<c>image/png</c>, …), or null when it is none of <see cref="Supported"/>.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes) => ImageFileType.Detect(bytes)?.MediaType;

    /// <summary>The usual file extension (without dot) of a media type from <see cref="Detect"/>.</summary>
    public static string Extension(string mediaType) => mediaType switch
    {
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ => "png",
    };
}
