using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Images;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>
/// An image a caller gave as an http(s) URL, a local file path, a <c>data:</c> URI or (for image edits) an earlier
/// result. For vision, URLs are passed on as they are; files, data URIs and (for edits) downloads are read, checked
/// (type by content, size) and carried as bytes. <see cref="ImageInputReader"/> does the resolving for every function. Every problem is an
/// <c>invalid_argument</c> error naming the argument, so nothing invalid reaches OpenAI.
/// </summary>
public sealed class ImageInput
{
    /// <summary>The default size limit of one image (OpenAI's limit for vision input).</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    private ImageInput(string source, Uri? url, byte[]? bytes, ImageFileType? type, string fileName, int? width, int? height)
    {
        Source = source;
        Url = url;
        Bytes = bytes;
        Type = type;
        FileName = fileName;
        Width = width;
        Height = height;
    }

    /// <summary>What the caller gave, shortened for messages (a data URI is not repeated in full).</summary>
    public string Source { get; }

    /// <summary>The http(s) URL, when the image is remote.</summary>
    public Uri? Url { get; }

    /// <summary>The image bytes, when the image was a file or a data URI.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The media type found in the bytes (<c>image/png</c>, …); null for a URL.</summary>
    public string? MediaType => Type?.MediaType;

    /// <summary>The type found in the bytes; null for a URL passed on.</summary>
    internal ImageFileType? Type { get; }

    /// <summary>A file name for uploads, with the extension of the type found.</summary>
    internal string FileName { get; }

    /// <summary>The pixel width, when the header tells it cheaply (PNG).</summary>
    internal int? Width { get; }

    /// <summary>The pixel height, when the header tells it cheaply (PNG).</summary>
    internal int? Height { get; }

    /// <summary>The bytes of an image that was read or downloaded.</summary>
    internal byte[] Data => Bytes ?? throw new InvalidOperationException($"The image '{Source}' is a URL that was passed on, not read.");

    /// <summary>The image as a <c>data:</c> URI, or the URL.</summary>
    public string ToUrlString() => Url?.AbsoluteUri ?? $"data:{MediaType};base64,{Convert.ToBase64String(Bytes!)}";

    internal static ImageInput FromUrl(string source, Uri url) => new(source, url, null, null, Path.GetFileName(url.LocalPath), null, null);

    internal static ImageInput FromBytes(string source, byte[] bytes, ImageFileType type, string fileName, int? width, int? height) =>
        new(source, null, bytes, type, fileName, width, height);

    /// <summary>The image as Microsoft.Extensions.AI content (<see cref="UriContent"/> or <see cref="DataContent"/>).</summary>
    /// <param name="detail">The vision detail (<c>low</c>, <c>high</c>, <c>auto</c>), or null.</param>
    public AIContent ToContent(string? detail = null)
    {
        AIContent content = Url is { } url ? new UriContent(url, "image/*") : new DataContent(Bytes!, MediaType!);
        if (detail is not null) content.AdditionalProperties = new() { ["detail"] = detail };
        return content;
    }

    /// <summary>Resolves and checks one image.</summary>
    /// <param name="value">A URL, a local path (absolute, or <c>~/…</c>) or a data URI.</param>
    /// <param name="argument">The argument name used in errors, e.g. <c>images[0]</c>.</param>
    /// <param name="maxBytes">The size limit.</param>
    /// <param name="cancellationToken">Cancels reading a file.</param>
    /// <exception cref="FunctionException">The value is not a readable, supported image within the limit.</exception>
    public static Task<ImageInput> LoadAsync(string? value, string argument, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default) =>
        ImageInputReader.ReadAsync(value, argument, ImageInputRules.Vision(maxBytes), cancellationToken);

    /// <summary>Resolves and checks several images; errors name the item (<c>images[2]</c>).</summary>
    public static async Task<IReadOnlyList<ImageInput>> LoadAllAsync(IReadOnlyList<string>? values, string argument, int maxCount, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        if (values is null || values.Count == 0) return [];
        if (values.Count > maxCount)
            throw FunctionException.InvalidArgument(argument, $"{values.Count} images were given; at most {maxCount} are allowed in one call.", $"1 to {maxCount} images");
        var images = new List<ImageInput>(values.Count);
        for (var i = 0; i < values.Count; i++)
            images.Add(await LoadAsync(values[i], $"{argument}[{i}]", maxBytes, cancellationToken).ConfigureAwait(false));
        return images;
    }
}
