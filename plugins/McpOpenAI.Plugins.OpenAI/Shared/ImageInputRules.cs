using McpOpenAI.Plugins.OpenAI.Images;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>
/// What a caller's image reference may be and how it is resolved: the size limit, the accepted types, whether http(s)
/// URLs are downloaded (image edits) or passed on as they are (vision), and how earlier results are found by id,
/// file name or <c>image://</c> URI.
/// </summary>
/// <param name="MaxBytes">The size limit of one image.</param>
/// <param name="Types">The accepted image types, checked by content.</param>
/// <param name="Download">Downloads http(s) URLs when set; null passes them on without fetching.</param>
/// <param name="ResolveStored">The path of an earlier result named by a reference, or null; null when there is no store.</param>
internal sealed record ImageInputRules(long MaxBytes, IReadOnlyList<ImageFileType> Types, HttpClient? Download = null, Func<string, string?>? ResolveStored = null)
{
    /// <summary>Vision, chat and moderation: PNG, JPEG, WEBP, GIF up to 20 MB; URLs passed on.</summary>
    public static ImageInputRules Vision(long maxBytes) => new(maxBytes, [ImageFileType.Png, ImageFileType.Jpeg, ImageFileType.Webp, ImageFileType.Gif]);

    /// <summary>Image edits and variations: PNG, JPEG, WEBP up to 50 MB; URLs downloaded; earlier images by reference.</summary>
    public static ImageInputRules Edits(ImageStore store, HttpClient http) =>
        new(50L * 1024 * 1024, [ImageFileType.Png, ImageFileType.Jpeg, ImageFileType.Webp], http, store.TryResolve);

    /// <summary>The accepted types for messages, e.g. <c>PNG, JPEG, WEBP, GIF</c>.</summary>
    public string Supported => string.Join(", ", Types.Select(t => t.Format.ToUpperInvariant()));

    /// <summary>What a reference may be, for messages.</summary>
    public string Expected => ResolveStored is null ? "an https URL, a local file path or a data URI" : "a local file path, an http(s) URL, a data URI, or an earlier image id";
}
