using McpOpenAI.Kernel.Errors;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>
/// An image a caller gave as an http(s) URL, a local file path or a <c>data:</c> URI. URLs are passed on as they are;
/// files and data URIs are read, checked (type by content, size) and carried as bytes. Every problem is an
/// <c>invalid_argument</c> error naming the argument, so nothing invalid reaches OpenAI.
/// </summary>
public sealed class ImageInput
{
    /// <summary>The default size limit of one image (OpenAI's limit for vision input).</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    private ImageInput(string source, Uri? url, byte[]? bytes, string? mediaType)
    {
        Source = source;
        Url = url;
        Bytes = bytes;
        MediaType = mediaType;
    }

    /// <summary>What the caller gave, shortened for messages (a data URI is not repeated in full).</summary>
    public string Source { get; }

    /// <summary>The http(s) URL, when the image is remote.</summary>
    public Uri? Url { get; }

    /// <summary>The image bytes, when the image was a file or a data URI.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The media type found in the bytes (<c>image/png</c>, …); null for a URL.</summary>
    public string? MediaType { get; }

    /// <summary>The image as a <c>data:</c> URI, or the URL.</summary>
    public string ToUrlString() => Url?.AbsoluteUri ?? $"data:{MediaType};base64,{Convert.ToBase64String(Bytes!)}";

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
    public static async Task<ImageInput> LoadAsync(string? value, string argument, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            throw FunctionException.InvalidArgument(argument, "the image is empty.", "an https URL, a local file path or a data URI", "/home/me/photo.png");
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return FromDataUri(text, argument, maxBytes);
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return new ImageInput(text, uri, null, null);
        if (Uri.TryCreate(text, UriKind.Absolute, out var other) && other.Scheme is not ("file") && other.Scheme.Length > 1)
            throw FunctionException.InvalidArgument(argument, $"'{other.Scheme}:' links are not supported.", "an https URL, a local file path or a data URI", "https://example.com/cat.jpg");
        return await FromFileAsync(text, argument, maxBytes, cancellationToken).ConfigureAwait(false);
    }

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

    private static ImageInput FromDataUri(string text, string argument, long maxBytes)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var header = comma > 0 ? text[5..comma] : "";
        if (comma < 0 || !header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            throw FunctionException.InvalidArgument(argument, "the data URI is not base64-encoded.", "data:image/png;base64,…", "data:image/png;base64,iVBORw0KGgo…");
        var payload = text.AsSpan(comma + 1);
        if (payload.Length / 4L * 3 > maxBytes + 3)
            throw TooLarge(argument, "the data URI", maxBytes);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(payload.ToString());
        }
        catch (FormatException)
        {
            throw FunctionException.InvalidArgument(argument, "the data URI's base64 payload is not valid base64.", "data:image/png;base64,…");
        }
        var shown = text.Length > 40 ? text[..40] + "…" : text;
        return Checked(bytes, shown, argument, "the data URI", maxBytes);
    }

    private static async Task<ImageInput> FromFileAsync(string text, string argument, long maxBytes, CancellationToken cancellationToken)
    {
        var path = text.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(text).LocalPath : text;
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : "");
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw FunctionException.InvalidArgument(argument, $"'{text}' is neither a URL nor a valid file path.", "an https URL, an absolute file path or a data URI", "/home/me/photo.png");
        }
        if (Directory.Exists(full))
            throw FunctionException.InvalidArgument(argument, $"'{full}' is a folder, not an image file.", null, Path.Combine(full, "photo.png"));
        var file = new FileInfo(full);
        if (!file.Exists)
            throw FunctionException.InvalidArgument(argument, $"the file '{full}' does not exist.", "an https URL, an absolute path of an existing image file, or a data URI", "/home/me/photo.png");
        if (file.Length > maxBytes)
            throw TooLarge(argument, $"'{full}' ({Megabytes(file.Length)})", maxBytes);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FunctionException(ErrorCodes.InvalidArgument, $"Invalid argument '{argument}': the file '{full}' cannot be read: {e.Message}", ["Check that the server's user may read the file."]);
        }
        return Checked(bytes, full, argument, $"'{full}'", maxBytes);
    }

    private static ImageInput Checked(byte[] bytes, string source, string argument, string what, long maxBytes)
    {
        if (bytes.LongLength > maxBytes) throw TooLarge(argument, what, maxBytes);
        if (bytes.Length == 0) throw FunctionException.InvalidArgument(argument, $"{what} is empty.", ImageFormat.Supported);
        var mediaType = ImageFormat.Detect(bytes)
            ?? throw FunctionException.InvalidArgument(argument, $"{what} is not a supported image (its content is not {ImageFormat.Supported}).", ImageFormat.Supported, "/home/me/photo.png");
        return new ImageInput(source, null, bytes, mediaType);
    }

    private static FunctionException TooLarge(string argument, string what, long maxBytes) =>
        FunctionException.InvalidArgument(argument, $"{what} is larger than the {Megabytes(maxBytes)} limit.", $"images up to {Megabytes(maxBytes)}; shrink or compress it first");

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
