using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Research.Indexing;
using McpOpenAI.Plugins.Research.Results;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Research;

/// <summary>
/// The research plugin's local corpus functions: full-text search and reading. The corpus folder (Markdown, text,
/// HTML) is indexed into SQLite FTS5 in the data folder and re-indexed incrementally before every call.
/// </summary>
public sealed class DocumentFunctions
{
    private const string IndexFileName = "research-index.db";
    private readonly ResearchOptions _options;

    /// <summary>Creates the functions from the application's configuration and folders.</summary>
    [ActivatorUtilitiesConstructor]
    public DocumentFunctions(IConfiguration configuration, AppPaths paths, TimeProvider time, ILogger<DocumentFunctions> logger)
        : this(ResearchOptions.From(configuration), paths.DataFolder, time, logger)
    {
    }

    /// <summary>Creates the functions with explicit options; the index lives in <paramref name="dataFolder"/>.</summary>
    public DocumentFunctions(ResearchOptions options, string dataFolder, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Index = new CorpusIndex(CorpusLocator.Resolve(options.CorpusPath), Path.Combine(dataFolder, IndexFileName), options.MaxFileBytes, time, logger);
    }

    /// <summary>The corpus index these functions use.</summary>
    public CorpusIndex Index { get; }

    /// <summary>Full-text search over the local document corpus.</summary>
    [KernelFunction("search_documents")]
    [Description("Searches the local document library (product manuals, policies, FAQs, care guides) by full text. Returns the best-matching documents, best first, each with its id, title, best section and a snippet with the matched words in **bold**. Plain words work best; FTS5 syntax (\"exact phrase\", AND/OR/NOT, NEAR(a b), prefix*) is accepted.")]
    [FunctionTraits(Title = "Search documents", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public async Task<DocumentSearchResult> SearchDocumentsAsync(
        [Description("What to look for, e.g. 'refund opened items' or '\"restocking fee\" AND electronics'.")] string query,
        [Description("The most documents to return (default 8, at most 50).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
            throw FunctionException.InvalidArgument("query", "a search query is required.", example: "return policy opened items");
        if (limit is < 1 or > ResearchOptions.MaxSearchResults)
            throw FunctionException.InvalidArgument("limit", $"{limit} is out of range.", $"1 to {ResearchOptions.MaxSearchResults}", "5");
        var summary = await RefreshAsync(cancellationToken).ConfigureAwait(false);
        var (hits, mode) = await IndexSearcher.SearchAsync(Index, query, limit ?? _options.DefaultSearchResults, cancellationToken).ConfigureAwait(false);
        return new DocumentSearchResult(query, mode, hits.Count, hits, summary);
    }

    /// <summary>Reads a document, or one section of it, from the corpus.</summary>
    [KernelFunction("read_document")]
    [Description("Reads a document from the local library, whole or one section (by heading or anchor, with its sub-sections), with its id, title and path for citing it. Use ids or paths from search_documents.")]
    [FunctionTraits(Title = "Read document", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public async Task<DocumentContent> ReadDocumentAsync(
        [Description("The document id (e.g. 'policies/returns-and-refunds') or its path inside the library (e.g. 'policies/returns-and-refunds.md').")] string pathOrId,
        [Description("Optional: a section heading or anchor (e.g. 'Opened items' or 'opened-items'); omit for the whole document.")] string? section = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(pathOrId))
            throw FunctionException.InvalidArgument("path_or_id", "a document id or path is required.", example: "policies/returns-and-refunds");
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        var document = await IndexReader.FindAsync(Index, pathOrId, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            var relative = CorpusPaths.ToRelative(Index.CorpusPath, pathOrId)
                ?? throw new FunctionException(ErrorCodes.PermissionDenied,
                    $"'{pathOrId}' is outside the document library; only documents inside it can be read.",
                    ["Use an id or path from search_documents results (paths are relative to the library)."]);
            document = await IndexReader.FindAsync(Index, relative, cancellationToken).ConfigureAwait(false) ?? throw await NotFoundAsync(pathOrId, cancellationToken).ConfigureAwait(false);
        }
        return DocumentView.Create(document, section, _options.MaxReadCharacters);
    }

    private Task<IndexSummary> RefreshAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Index.CorpusPath))
            throw new FunctionException(ErrorCodes.NotConfigured, $"The document library folder '{Index.CorpusPath}' does not exist.",
                ["Set Research:CorpusPath to a folder of Markdown, text or HTML files, or remove it to use the sample library."]);
        return Index.RefreshAsync(cancellationToken);
    }

    private async Task<FunctionException> NotFoundAsync(string pathOrId, CancellationToken cancellationToken)
    {
        var ids = await IndexReader.SampleIdsAsync(Index, 12, cancellationToken).ConfigureAwait(false);
        return new FunctionException(ErrorCodes.NotFound, $"No document '{pathOrId}' in the library.",
            ["Find documents with search_documents and use the id it returns.", "Some ids: " + string.Join(", ", ids)]);
    }

}
