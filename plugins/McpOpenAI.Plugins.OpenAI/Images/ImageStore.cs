using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Resources;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>
/// The generated images in the output folder: written atomically as <c>openai-image-{timestamp}-{id}.{ext}</c>
/// with a JSON metadata file beside each, found again by id, name or <c>image://</c> URI, and served as resources.
/// </summary>
public sealed partial class ImageStore : IResourceProvider
{
    /// <summary>The URI prefix of image resources (a host and a path, so URI normalisation leaves it as it is).</summary>
    public const string UriScheme = "image://images/";

    private const string ShortScheme = "image://";

    private const string Prefix = "openai-image-";
    private readonly TimeProvider _time;

    /// <summary>Creates the store over <see cref="AppPaths.OutputFolder"/>.</summary>
    public ImageStore(AppPaths paths, TimeProvider time)
    {
        Folder = paths.OutputFolder;
        _time = time;
    }

    /// <summary>The output folder.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public event EventHandler? Changed;

    /// <inheritdoc />
    public IReadOnlyList<ResourceTemplateDescriptor> Templates { get; } =
        [new(UriScheme + "{name}", "Generated image", "An image made by generate_image, edit_image, create_variations or batch_generate_images, by file name.")];

    /// <summary>A new id: 10 lower-case hex digits.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    /// <summary>Writes the image, then its metadata, each atomically; returns the saved image.</summary>
    internal async Task<SavedImage> SaveAsync(byte[] bytes, ImageMetadata metadata, string? suffix, CancellationToken cancellationToken)
    {
        var type = ImageFileType.Detect(bytes) ?? ImageFileType.FromFormat(metadata.Format);
        Directory.CreateDirectory(Folder);
        var id = string.IsNullOrEmpty(metadata.Id) ? NewId() : metadata.Id;
        var stamp = _time.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = $"{Prefix}{stamp}-{id}{(suffix is null ? "" : "-" + SafeName.Sanitize(suffix))}.{type.Extension}";
        var path = SafeName.Inside(Folder, name);
        // The paid-for bytes go to disk first, without waiting for anything that could fail.
        await AtomicFile.WriteAsync(path, bytes, CancellationToken.None).ConfigureAwait(false);
        var saved = new SavedImage(path, metadata with { Id = id, File = name, Format = type.Format, CreatedAt = _time.GetUtcNow() }, type, bytes.LongLength);
        try
        {
            await AtomicFile.WriteAsync(MetadataPath(path), KernelJson.SerializeToUtf8Bytes(saved.Metadata, MetadataJson.Options), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
        return saved;
    }

    /// <summary>Rewrites the metadata of a saved image (e.g. after it joined a thread).</summary>
    internal Task UpdateMetadataAsync(SavedImage image, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(MetadataPath(image.Path), KernelJson.SerializeToUtf8Bytes(image.Metadata, MetadataJson.Options), cancellationToken);

    /// <summary>The full path of a stored image named by id, file name, or <c>image://</c> URI; null when none.</summary>
    public string? TryResolve(string reference)
    {
        var name = NameOf(reference) ?? reference;
        if (!Directory.Exists(Folder) || name.Length == 0) return null;
        if (IsImageName(name) && File.Exists(Path.Combine(Folder, name))) return Path.Combine(Folder, name);
        if (IdPattern().IsMatch(name))
            return Images().FirstOrDefault(p => Path.GetFileNameWithoutExtension(p).EndsWith("-" + name, StringComparison.Ordinal));
        var full = Path.GetFullPath(name, Folder);
        return SafeName.IsInside(Folder, full) && IsImageName(Path.GetFileName(full)) && File.Exists(full) ? full : null;
    }

    /// <summary>Reads the metadata beside an image; null when there is none.</summary>
    public ImageMetadata? ReadMetadata(string imagePath) => MetadataJson.Read<ImageMetadata>(MetadataPath(imagePath));

    /// <summary>The <paramref name="count"/> newest final images made by the request <paramref name="requestKey"/>; null when fewer are saved.</summary>
    internal IReadOnlyList<SavedImage>? FindGenerated(string requestKey, int count)
    {
        var found = Images()
            .Select(p => (Path: p, Metadata: ReadMetadata(p)))
            .Where(i => i.Metadata is { Kind: "final" } m && m.RequestKey == requestKey)
            .OrderByDescending(i => i.Metadata!.CreatedAt)
            .Take(count)
            .Select(i => new SavedImage(i.Path, i.Metadata!, ImageFileType.FromFormat(i.Metadata!.Format), new FileInfo(i.Path).Length))
            .ToList();
        return found.Count == count ? found : null;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ResourceDescriptor>> ListAsync(CancellationToken cancellationToken)
    {
        var list = Images()
            .Select(p => new FileInfo(p))
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Select(f => new ResourceDescriptor(UriScheme + f.Name, f.Name, MediaType(f.Name), ReadMetadata(f.FullName)?.Prompt, f.Length))
            .ToList();
        return ValueTask.FromResult<IReadOnlyList<ResourceDescriptor>>(list);
    }

    /// <inheritdoc />
    public async ValueTask<ResourceContent?> ReadAsync(string uri, CancellationToken cancellationToken)
    {
        if (NameOf(uri) is not { } name || !IsImageName(name)) return null;
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path)) return null;
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return ResourceContent.FromBytes(uri, ImageFileType.Detect(bytes)?.MediaType ?? MediaType(name), bytes);
    }

    // image://images/{name}, and the short image://{name} that some clients type.
    private static string? NameOf(string uri)
    {
        var prefix = uri.StartsWith(UriScheme, StringComparison.OrdinalIgnoreCase) ? UriScheme.Length
            : uri.StartsWith(ShortScheme, StringComparison.OrdinalIgnoreCase) ? ShortScheme.Length : -1;
        return prefix < 0 ? null : Uri.UnescapeDataString(uri[prefix..].TrimEnd('/'));
    }

    private IEnumerable<string> Images() =>
        Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, Prefix + "*").Where(p => IsImageName(Path.GetFileName(p))) : [];

    private static bool IsImageName(string name) => ImageNamePattern().IsMatch(name);

    private static string MetadataPath(string imagePath) => Path.ChangeExtension(imagePath, ".json");

    private static string MediaType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => "image/png",
    };

    [GeneratedRegex(@"^openai-image-[A-Za-z0-9_\-]+\.(png|jpg|jpeg|webp)$")]
    private static partial Regex ImageNamePattern();

    [GeneratedRegex(@"^[a-f0-9]{10}$")]
    private static partial Regex IdPattern();
}
