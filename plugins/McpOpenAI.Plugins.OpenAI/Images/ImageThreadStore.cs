using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Resources;
using McpOpenAI.Kernel.State;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>
/// Image threads kept as JSON files under the data folder (<c>image-threads/{id}.json</c>), so they survive a
/// restart — or, with <c>State:PostgreSQL</c>, as the same JSON in the team's database (<c>image_threads</c>), so a
/// thread started on one instance continues on another; served as <c>image://threads/{id}</c> resources.
/// </summary>
public sealed partial class ImageThreadStore : IResourceProvider
{
    /// <summary>The URI prefix of thread resources.</summary>
    public const string UriPrefix = "image://threads/";

    private static readonly StateSchema Schema = new("image-threads", "",
        "CREATE TABLE IF NOT EXISTS image_threads (id TEXT PRIMARY KEY, updated TEXT NOT NULL, body TEXT NOT NULL);");

    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly StateDatabase? _database;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the store under <see cref="AppPaths.DataFolder"/>, or in the shared database when <paramref name="state"/> has one.</summary>
    public ImageThreadStore(AppPaths paths, TimeProvider time, SharedState? state = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _folder = Path.Combine(paths.DataFolder, "image-threads");
        _time = time;
        if (state is { HasPostgreSQL: true })
            _database = state.Database(_folder);
    }

    /// <inheritdoc />
    public event EventHandler? Changed;

    /// <inheritdoc />
    public IReadOnlyList<ResourceTemplateDescriptor> Templates { get; } =
        [new(UriPrefix + "{id}", "Image thread", "A multi-turn image thread: its steps, response ids and images.", "application/json")];

    /// <summary>Every thread, newest first.</summary>
    public IReadOnlyList<ImageThread> List() =>
        (_database is null
            ? (Directory.Exists(_folder) ? Directory.EnumerateFiles(_folder, "thr_*.json") : []).Select(p => Read(Path.GetFileNameWithoutExtension(p)))
            : _database.Run(Schema, connection => ReadRows(connection, "SELECT body FROM image_threads")))
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
            var added = _database is null
                ? await AddToFileAsync(threadId, parent, prompt, responseId, imageCallId, image, cancellationToken).ConfigureAwait(false)
                : await AddToDatabaseAsync(_database, threadId, parent, prompt, responseId, imageCallId, image, cancellationToken).ConfigureAwait(false);
            Changed?.Invoke(this, EventArgs.Empty);
            return added;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(ImageThread Thread, ImageThreadStep Step)> AddToFileAsync(string? threadId, int? parent, string prompt, string responseId,
        string? imageCallId, SavedImage image, CancellationToken cancellationToken)
    {
        var added = Append(threadId is null ? null : Read(threadId), threadId, parent, prompt, responseId, imageCallId, image);
        await AtomicFile.WriteAsync(PathOf(added.Thread.Id), KernelJson.SerializeToUtf8Bytes(added.Thread, MetadataJson.Options), cancellationToken).ConfigureAwait(false);
        return added;
    }

    // The row stays locked from read to write, so two instances adding to one thread take turns.
    private Task<(ImageThread Thread, ImageThreadStep Step)> AddToDatabaseAsync(StateDatabase database, string? threadId, int? parent, string prompt,
        string responseId, string? imageCallId, SavedImage image, CancellationToken cancellationToken) =>
        database.RunAsync(Schema, async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionDisposal = transaction.ConfigureAwait(false);
            ImageThread? existing = null;
            if (threadId is not null)
            {
                var read = StateDatabase.Command(connection, transaction, "SELECT body FROM image_threads WHERE id = @id FOR UPDATE", ("@id", threadId));
                await using var readDisposal = read.ConfigureAwait(false);
                existing = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body ? Deserialize(body) : null;
            }
            var added = Append(existing, threadId, parent, prompt, responseId, imageCallId, image);
            var write = StateDatabase.Command(connection, transaction, """
                INSERT INTO image_threads (id, updated, body) VALUES (@id, @updated, @body)
                ON CONFLICT (id) DO UPDATE SET updated = @updated, body = @body
                """, ("@id", added.Thread.Id), ("@updated", added.Thread.UpdatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                ("@body", KernelJson.Serialize(added.Thread, MetadataJson.Options)));
            await using (write.ConfigureAwait(false))
            {
                await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return added;
        }, cancellationToken);

    private (ImageThread Thread, ImageThreadStep Step) Append(ImageThread? existing, string? threadId, int? parent, string prompt, string responseId,
        string? imageCallId, SavedImage image)
    {
        var now = _time.GetUtcNow();
        var thread = existing ?? new ImageThread
        {
            Id = threadId ?? "thr_" + ImageStore.NewId(),
            Title = prompt.Length <= 80 ? prompt : prompt[..77] + "...",
            CreatedAt = now,
        };
        var step = new ImageThreadStep(thread.Steps.Count + 1, parent, prompt, responseId, imageCallId, image.Metadata.Id, image.Name, now);
        return (thread with { Steps = [.. thread.Steps, step], UpdatedAt = now }, step);
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
        return ValueTask.FromResult<ResourceContent?>(ResourceContent.FromText(uri, "application/json", KernelJson.Serialize(thread, MetadataJson.Options)));
    }

    private static string Bare(string id) =>
        (id.StartsWith(UriPrefix, StringComparison.OrdinalIgnoreCase) ? id[UriPrefix.Length..] : id).Trim().ToLowerInvariant();

    private ImageThread? Read(string id) => _database is null
        ? MetadataJson.Read<ImageThread>(PathOf(id))
        : _database.Run(Schema, connection => ReadRows(connection, "SELECT body FROM image_threads WHERE id = @id", ("@id", id))).FirstOrDefault();

    private static List<ImageThread?> ReadRows(DbConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = StateDatabase.Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var threads = new List<ImageThread?>();
        while (reader.Read())
            threads.Add(Deserialize(reader.GetString(0)));
        return threads;
    }

    private static ImageThread? Deserialize(string body) => MetadataJson.Parse<ImageThread>(Encoding.UTF8.GetBytes(body));

    private string PathOf(string id) => SafeName.Inside(_folder, id + ".json");

    [GeneratedRegex(@"^thr_[a-f0-9]{10}$")]
    private static partial Regex IdPattern();
}
