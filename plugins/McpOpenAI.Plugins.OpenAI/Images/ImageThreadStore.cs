using System.Text.Json;
using System.Text.RegularExpressions;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Resources;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>
/// Image threads kept as JSON files under the data folder (<c>image-threads/{id}.json</c>), so they survive a
/// restart; served as <c>image://threads/{id}</c> resources.
/// </summary>
public sealed partial class ImageThreadStore : IResourceProvider
{
    /// <summary>The URI prefix of thread resources.</summary>
    public const string UriPrefix = "image://threads/";

    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the store under <see cref="AppPaths.DataFolder"/>.</summary>
    public ImageThreadStore(AppPaths paths, TimeProvider time)
    {
        _folder = Path.Combine(paths.DataFolder, "image-threads");
        _time = time;
    }

    /// <inheritdoc />
    public event EventHandler? Changed;

    /// <inheritdoc />
    public IReadOnlyList<ResourceTemplateDescriptor> Templates { get; } =
        [new(UriPrefix + "{id}", "Image thread", "A multi-turn image thread: its steps, response ids and images.", "application/json")];

    /// <summary>Every thread, newest first.</summary>
    public IReadOnlyList<ImageThread> List() =>
        (Directory.Exists(_folder) ? Directory.EnumerateFiles(_folder, "thr_*.json") : [])
            .Select(p => Read(Path.GetFileNameWithoutExtension(p)))
            .OfType<ImageThread>()
            .OrderByDescending(t => t.UpdatedAt)
            .ToList();

    /// <summary>The thread with that id (or <c>image://threads/</c> URI, in any case), or null.</summary>
    public ImageThread? Get(string id)
    {
        id = Bare(id);
        return IdPattern().IsMatch(id) ? Read(id) : null;
    }

    /// <summary>Whether <paramref name="id"/> has the shape of a thread id or URI (whether or not such a thread exists).</summary>
    public static bool IsThreadId(string id) => IdPattern().IsMatch(Bare(id));

    /// <summary>Finds the thread and step whose response id is <paramref name="responseId"/>.</summary>
    public (ImageThread Thread, ImageThreadStep Step)? FindByResponse(string responseId)
    {
        foreach (var thread in List())
        {
            if (thread.Steps.FirstOrDefault(s => s.ResponseId == responseId) is { } step) return (thread, step);
        }
        return null;
    }

    /// <summary>Adds a step (a new thread when <paramref name="threadId"/> is null) and saves the thread.</summary>
    internal async Task<(ImageThread Thread, ImageThreadStep Step)> AddStepAsync(string? threadId, int? parent, string prompt, string responseId,
        string? imageCallId, SavedImage image, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var thread = (threadId is null ? null : Read(threadId)) ?? new ImageThread
            {
                Id = threadId ?? "thr_" + ImageStore.NewId(),
                Title = prompt.Length <= 80 ? prompt : prompt[..77] + "...",
                CreatedAt = now,
            };
            var step = new ImageThreadStep(thread.Steps.Count + 1, parent, prompt, responseId, imageCallId, image.Metadata.Id, image.Name, now);
            thread = thread with { Steps = [.. thread.Steps, step], UpdatedAt = now };
            await AtomicFile.WriteAsync(PathOf(thread.Id), JsonSerializer.SerializeToUtf8Bytes(thread, MetadataJson.Options), cancellationToken).ConfigureAwait(false);
            Changed?.Invoke(this, EventArgs.Empty);
            return (thread, step);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ResourceDescriptor>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ResourceDescriptor>>(List()
            .Select(t => new ResourceDescriptor(UriPrefix + t.Id, $"Image thread {t.Id}", "application/json", $"{t.Steps.Count} steps: {t.Title}"))
            .ToList());

    /// <inheritdoc />
    public ValueTask<ResourceContent?> ReadAsync(string uri, CancellationToken cancellationToken)
    {
        if (!uri.StartsWith(UriPrefix, StringComparison.OrdinalIgnoreCase) || Get(uri) is not { } thread)
            return ValueTask.FromResult<ResourceContent?>(null);
        return ValueTask.FromResult<ResourceContent?>(ResourceContent.FromText(uri, "application/json", JsonSerializer.Serialize(thread, MetadataJson.Options)));
    }

    private static string Bare(string id) =>
        (id.StartsWith(UriPrefix, StringComparison.OrdinalIgnoreCase) ? id[UriPrefix.Length..] : id).Trim().ToLowerInvariant();

    private ImageThread? Read(string id) => MetadataJson.Read<ImageThread>(PathOf(id));

    private string PathOf(string id) => SafeName.Inside(_folder, id + ".json");

    [GeneratedRegex(@"^thr_[a-f0-9]{10}$")]
    private static partial Regex IdPattern();
}
