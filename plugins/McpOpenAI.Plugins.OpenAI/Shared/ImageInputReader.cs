using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Images;
using McpOpenAI.Plugins.OpenAI.Imaging;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>
/// Resolves one image reference under <see cref="ImageInputRules"/>: a data URI, an http(s) URL (passed on or
/// downloaded), an earlier result, or a local file (absolute, <c>~/…</c>, <c>file://</c>, environment variables);
/// then checks the size and the type by content. Every problem is an <c>invalid_argument</c> naming the argument.
/// </summary>
internal static class ImageInputReader
{
    public static async Task<ImageInput> ReadAsync(string? value, string argument, ImageInputRules rules, CancellationToken cancellationToken)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            throw FunctionException.InvalidArgument(argument, "the image is empty.", rules.Expected, "/home/me/photo.png");
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return FromDataUri(text, argument, rules);
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            if (rules.Download is not { } http) return ImageInput.FromUrl(text, uri);
            var downloaded = await DownloadAsync(http, uri, argument, rules, cancellationToken).ConfigureAwait(false);
            return Checked(downloaded, text, argument, $"the image at '{Arguments.Shorten(text, 80)}'", Path.GetFileName(uri.LocalPath), rules);
        }
        if (rules.ResolveStored?.Invoke(text) is { } stored)
            return await FromFileAsync(stored, text, argument, rules, cancellationToken).ConfigureAwait(false);
        if (Uri.TryCreate(text, UriKind.Absolute, out var other) && other.Scheme is not "file" && other.Scheme.Length > 1)
            throw FunctionException.InvalidArgument(argument, $"'{other.Scheme}:' links are not supported.", rules.Expected, "https://example.com/cat.jpg");
        return await FromFileAsync(LocalPath(text, argument, rules), text, argument, rules, cancellationToken).ConfigureAwait(false);
    }

    private static ImageInput FromDataUri(string text, string argument, ImageInputRules rules)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var header = comma > 0 ? text[5..comma] : "";
        if (comma < 0 || !header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            throw FunctionException.InvalidArgument(argument, "the data URI is not base64-encoded.", "data:image/png;base64,…", "data:image/png;base64,iVBORw0KGgo…");
        var payload = text.AsSpan(comma + 1);
        if (payload.Length / 4L * 3 > rules.MaxBytes + 3)
            throw TooLarge(argument, "the data URI", rules.MaxBytes);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(payload.ToString());
        }
        catch (FormatException)
        {
            throw FunctionException.InvalidArgument(argument, "the data URI's base64 payload is not valid base64.", "data:image/png;base64,…");
        }
        return Checked(bytes, text.Length > 40 ? text[..40] + "…" : text, argument, "the data URI", "image", rules);
    }

    private static string LocalPath(string text, string argument, ImageInputRules rules)
    {
        var path = text.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(text).LocalPath : Environment.ExpandEnvironmentVariables(text);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : "");
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw FunctionException.InvalidArgument(argument, $"'{Arguments.Shorten(text, 80)}' is neither a URL nor a valid file path.", rules.Expected, "/home/me/photo.png");
        }
    }

    private static async Task<ImageInput> FromFileAsync(string full, string text, string argument, ImageInputRules rules, CancellationToken cancellationToken)
    {
        if (Directory.Exists(full))
            throw FunctionException.InvalidArgument(argument, $"'{full}' is a folder, not an image file.", null, Path.Combine(full, "photo.png"));
        var file = new FileInfo(full);
        if (!file.Exists)
        {
            var problem = rules.ResolveStored is null ? $"the file '{full}' does not exist." : $"no file or earlier image '{Arguments.Shorten(text, 80)}' was found (the file '{full}' does not exist).";
            throw FunctionException.InvalidArgument(argument, problem, rules.Expected, "/home/me/photo.png");
        }
        if (file.Length > rules.MaxBytes)
            throw TooLarge(argument, $"'{full}' ({Megabytes(file.Length)})", rules.MaxBytes);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FunctionException(ErrorCodes.InvalidArgument, $"Invalid argument '{argument}': the file '{full}' cannot be read: {e.Message}", ["Check that the server's user may read the file."]);
        }
        return Checked(bytes, full, argument, $"'{full}'", Path.GetFileName(full), rules);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient http, Uri uri, string argument, ImageInputRules rules, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > rules.MaxBytes)
                throw TooLarge(argument, "the image at the URL", rules.MaxBytes);
            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw FunctionException.InvalidArgument(argument, $"could not download '{uri}': {ex.Message}", "a reachable http(s) URL", "https://example.com/cat.png");
        }
    }

    private static ImageInput Checked(byte[] bytes, string source, string argument, string what, string name, ImageInputRules rules)
    {
        if (bytes.LongLength > rules.MaxBytes) throw TooLarge(argument, what, rules.MaxBytes);
        if (bytes.Length == 0) throw FunctionException.InvalidArgument(argument, $"{what} is empty.", rules.Supported);
        var type = ImageFileType.Detect(bytes);
        if (type is null || !rules.Types.Contains(type))
            throw FunctionException.InvalidArgument(argument, $"{what} is not a supported image (its content is not {rules.Supported}).", rules.Supported, "/home/me/photo.png");
        int? width = null, height = null;
        if (type == ImageFileType.Png && ImageCodec.TryReadSize(bytes, out var w, out var h)) (width, height) = (w, h);
        return ImageInput.FromBytes(source, bytes, type, Path.ChangeExtension(string.IsNullOrEmpty(name) ? "image" : name, type.Extension), width, height);
    }

    private static FunctionException TooLarge(string argument, string what, long maxBytes) =>
        FunctionException.InvalidArgument(argument, $"{what} is larger than the {Megabytes(maxBytes)} limit.", $"images up to {Megabytes(maxBytes)}; shrink or compress it first");

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
