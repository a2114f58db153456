using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Support.Data;
using McpOpenAI.Plugins.Support.Results;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Support;

/// <summary>The support knowledge base: policies, FAQs, guides and manuals of the sample company.</summary>
public sealed class KnowledgeBaseFunctions(SupportDatabase database)
{
    private const int MaxResults = 20;

    /// <summary>Searches the knowledge base.</summary>
    [KernelFunction("search_kb")]
    [Description("Searches the customer-support knowledge base (return, refund, warranty, shipping, privacy and price-match policies, FAQs, care guides, product manuals) by full text. Each hit carries the article id, the best-matching section's full text to quote from, and a snippet.")]
    [FunctionTraits(Title = "Search knowledge base", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public async Task<KbSearchResult> SearchKbAsync(
        [Description("What to look for in plain words, e.g. 'return opened headlamp' or 'lost parcel'.")] string query,
        [Description("The most articles to return (default 5, at most 20).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
            throw FunctionException.InvalidArgument("query", "a search query is required.", example: "refund opened items");
        if (limit is < 1 or > MaxResults)
            throw FunctionException.InvalidArgument("limit", $"{limit} is out of range.", $"1 to {MaxResults}", "5");
        await database.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var reader = database.OpenSupportReader();
        await using var readerDisposal = reader.ConfigureAwait(false);
        return await KnowledgeBaseSearch.SearchAsync(reader, query, limit ?? 5, cancellationToken).ConfigureAwait(false);
    }
}
