using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Resources;
using McpOpenAI.Plugins.OpenAI.Images;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// The generated 3D models in the output folder: each file written atomically as
/// <c>openai-model-{timestamp}-{id}.{gltf|glb|obj|mtl}</c> with a JSON metadata file beside them, and served as
/// <c>model://models/{name}</c> resources.
/// </summary>
public sealed partial class ModelStore : IResourceProvider
{
    /// <summary>The URI prefix of model resources.</summary>
    public const string UriScheme = "model://models/";

    private const string Prefix = "openai-model-";
    private readonly TimeProvider _time;

    /// <summary>Creates the store over <see cref="AppPaths.OutputFolder"/>.</summary>
    public ModelStore(AppPaths paths, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Folder = paths.OutputFolder;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The output folder.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public event EventHandler? Changed;

    /// <inheritdoc />
    public IReadOnlyList<ResourceTemplateDescriptor> Templates { get; } =
        [new(UriScheme + "{name}", "Generated 3D model", "A glTF, GLB, OBJ or MTL file made by generate_3d_model, by file name.")];

    /// <summary>A new id and the file name stem every file of one model shares.</summary>
    internal (string Id, string Stem) NewStem()
    {
        var id = ImageStore.NewId();
        return (id, $"{Prefix}{_time.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{id}");
    }

    /// <summary>Writes each file atomically, then the metadata; returns the written files (metadata not included).</summary>
    internal async Task<(IReadOnlyList<ModelFile> Files, string MetadataPath)> SaveAsync(string stem, IReadOnlyList<(string Extension, byte[] Bytes)> files,
        ModelMetadata metadata, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var written = new List<ModelFile>();
        try
        {
            foreach (var (extension, bytes) in files)
            {
                var name = $"{stem}.{extension}";
                var path = SafeName.Inside(Folder, name);
                // The answer was paid for: its files go to disk whatever the caller does meanwhile.
                await AtomicFile.WriteAsync(path, bytes, CancellationToken.None).ConfigureAwait(false);
                written.Add(new ModelFile(extension, path, UriScheme + name, bytes.LongLength));
            }
            var metadataPath = SafeName.Inside(Folder, stem + ".json");
            var full = metadata with { Files = written.Select(f => Path.GetFileName(f.Path)).ToList(), CreatedAt = _time.GetUtcNow() };
            await AtomicFile.WriteAsync(metadataPath, KernelJson.SerializeToUtf8Bytes(full, MetadataJson.Options), cancellationToken).ConfigureAwait(false);
            return (written, metadataPath);
        }
        finally
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ResourceDescriptor>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ResourceDescriptor> list = !Directory.Exists(Folder) ? [] : Directory.EnumerateFiles(Folder, Prefix + "*")
            .Select(p => new FileInfo(p))
            .Where(f => IsModelName(f.Name) && f.Extension != ".json")
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Select(f => new ResourceDescriptor(UriScheme + f.Name, f.Name, ModelFileKind.MediaType(f.Extension.TrimStart('.')), null, f.Length))
            .ToList();
        return ValueTask.FromResult(list);
    }

    /// <inheritdoc />
    public async ValueTask<ResourceContent?> ReadAsync(string uri, CancellationToken cancellationToken)
    {
        if (!uri.StartsWith(UriScheme, StringComparison.OrdinalIgnoreCase)) return null;
        var name = Uri.UnescapeDataString(uri[UriScheme.Length..].TrimEnd('/'));
        if (!IsModelName(name)) return null;
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path)) return null;
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var extension = Path.GetExtension(name).TrimStart('.');
        var mediaType = ModelFileKind.MediaType(extension);
        return ModelFileKind.IsText(extension) ? ResourceContent.FromText(uri, mediaType, Encoding.UTF8.GetString(bytes)) : ResourceContent.FromBytes(uri, mediaType, bytes);
    }

    private static bool IsModelName(string name) => ModelNamePattern().IsMatch(name);

    [GeneratedRegex(@"^openai-model-[A-Za-z0-9_\-]+\.(gltf|glb|obj|mtl|json)$")]
    private static partial Regex ModelNamePattern();
}
