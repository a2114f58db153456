using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Imaging;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>
/// Loads input images from a local path, an http(s) URL, a data URI, or an earlier result (its id, file name or
/// <c>image://</c> URI), and checks the type by content, never by name.
/// </summary>
internal sealed class ImageInputLoader(ImageStore store, HttpClient http)
{
    private const long MaxBytes = 50L * 1024 * 1024;

    public async Task<LoadedImage> LoadAsync(string argument, string reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
            throw FunctionException.InvalidArgument(argument, "an image reference is empty.", "a local path, an http(s) URL, a data: URI, or an earlier image id", "openai-image-20250101-120000-ab12cd34.png");
        reference = reference.Trim();
        var (bytes, name) = await ReadAsync(argument, reference, cancellationToken).ConfigureAwait(false);
        var type = ImageFileType.Detect(bytes);
        if (type is null || type == ImageFileType.Gif)
            throw FunctionException.InvalidArgument(argument, $"'{Shorten(reference)}' is not a PNG, JPEG or WebP image (checked by its content).", "png, jpeg, webp files", "photo.png");
        int? width = null, height = null;
        if (PngDecoder.TryReadSize(bytes, out var w, out var h)) (width, height) = (w, h);
        return new LoadedImage(bytes, type, Path.ChangeExtension(string.IsNullOrEmpty(name) ? "image" : name, type.Extension), width, height);
    }

    private async Task<(byte[] Bytes, string Name)> ReadAsync(string argument, string reference, CancellationToken cancellationToken)
    {
        if (reference.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = reference.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !reference[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
                throw FunctionException.InvalidArgument(argument, "a data URI must be base64.", "data:image/png;base64,...", "data:image/png;base64,iVBORw0...");
            try
            {
                return (Convert.FromBase64String(reference[(comma + 1)..]), "image");
            }
            catch (FormatException)
            {
                throw FunctionException.InvalidArgument(argument, "the data URI's base64 is malformed.", "data:image/png;base64,...", "data:image/png;base64,iVBORw0...");
            }
        }
        if (Uri.TryCreate(reference, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return (await DownloadAsync(argument, uri, cancellationToken).ConfigureAwait(false), Path.GetFileName(uri.LocalPath));
        if (store.TryResolve(reference) is { } stored)
            return (await File.ReadAllBytesAsync(stored, cancellationToken).ConfigureAwait(false), Path.GetFileName(stored));
        var path = Path.GetFullPath(Environment.ExpandEnvironmentVariables(reference));
        if (!File.Exists(path))
            throw FunctionException.InvalidArgument(argument, $"no file or earlier image '{Shorten(reference)}' was found.", "an existing file path, an http(s) URL, a data: URI, or an image id from an earlier result", "/home/me/Pictures/cat.png");
        if (new FileInfo(path).Length > MaxBytes)
            throw FunctionException.InvalidArgument(argument, "the file is larger than 50 MB.", "images up to 50 MB", "a smaller PNG");
        return (await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), Path.GetFileName(path));
    }

    private async Task<byte[]> DownloadAsync(string argument, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > MaxBytes)
                throw FunctionException.InvalidArgument(argument, "the image at the URL is larger than 50 MB.", "images up to 50 MB", "a smaller image");
            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw FunctionException.InvalidArgument(argument, $"could not download '{uri}': {ex.Message}", "a reachable http(s) URL", "https://example.com/cat.png");
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
