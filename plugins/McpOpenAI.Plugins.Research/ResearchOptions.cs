using Microsoft.Extensions.Configuration;

namespace McpOpenAI.Plugins.Research;

/// <summary>Settings of the research plugin (configuration section <c>Research</c>).</summary>
public sealed class ResearchOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Research";

    /// <summary>The most hits one search returns.</summary>
    public const int MaxSearchResults = 50;

    /// <summary>
    /// The folder of documents to search (Markdown, text, HTML, searched recursively). Null means the sample corpus
    /// shipped beside the program (<c>corpus/</c>), or the repository's copy when run from a checkout.
    /// </summary>
    public string? CorpusPath { get; set; }

    /// <summary>Whether <c>web_search</c> may call OpenAI's hosted web search (default true; it also needs an API key).</summary>
    public bool WebSearchEnabled { get; set; } = true;

    /// <summary>The model that runs web searches; null means the configured chat model.</summary>
    public string? WebSearchModel { get; set; }

    /// <summary>How many hits <c>search_documents</c> returns when the caller does not say (default 8).</summary>
    public int DefaultSearchResults { get; set; } = 8;

    /// <summary>Files larger than this many bytes are skipped when indexing (default 4 MB).</summary>
    public long MaxFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most characters <c>read_document</c> returns at once (default 60,000); longer text is cut and flagged.</summary>
    public int MaxReadCharacters { get; set; } = 60_000;

    /// <summary>The options bound from the <c>Research</c> section of <paramref name="configuration"/>.</summary>
    public static ResearchOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<ResearchOptions>() ?? new ResearchOptions();
}
