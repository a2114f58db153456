using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Research.Results;
using McpOpenAI.Plugins.Research.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Responses;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Research;

/// <summary>The research plugin's web search: OpenAI's hosted <c>web_search</c> tool through the Responses API.</summary>
public sealed class WebSearchFunctions
{
    private readonly ResearchOptions _options;
    private readonly OpenAIClientFactory _factory;

    /// <summary>Creates the function from the application's configuration.</summary>
    [ActivatorUtilitiesConstructor]
    public WebSearchFunctions(IConfiguration configuration, OpenAIClientFactory factory)
        : this(ResearchOptions.From(configuration), factory)
    {
    }

    /// <summary>Creates the function with explicit options.</summary>
    public WebSearchFunctions(ResearchOptions options, OpenAIClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(factory);
        _options = options;
        _factory = factory;
    }

    /// <summary>Searches the web with OpenAI's hosted web search and returns an answer with its cited sources.</summary>
    [KernelFunction("web_search")]
    [Description("Searches the public web with OpenAI's hosted web search and returns a short answer whose passages are marked [n], with the numbered source URLs. Use it for facts outside the local document library (news, other companies, current prices). Needs an OpenAI API key; costs a paid request.")]
    [FunctionTraits(Title = "Web search", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true, LongRunning = true)]
    public async Task<WebSearchResult> WebSearchAsync(
        [Description("The question or search terms, e.g. 'average REI return window for used gear 2025'.")] string query,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
            throw FunctionException.InvalidArgument("query", "a search query is required.", example: "ultralight tent trends 2025");
        if (!_options.WebSearchEnabled)
            throw new FunctionException(ErrorCodes.NotConfigured, "Web search is turned off on this server (Research:WebSearchEnabled is false).",
                ["Set Research:WebSearchEnabled to true (environment variable Research__WebSearchEnabled=true) to allow it.", "Use search_documents for the local document library."]);
        if (!_factory.IsConfigured)
        {
            var missing = OpenAIErrorMapper.MissingApiKey();
            throw new FunctionException(missing.Code, "Web search needs an OpenAI API key, and none is configured.",
                [.. missing.Suggestions, "Use search_documents for the local document library meanwhile."]);
        }

        var model = string.IsNullOrWhiteSpace(_options.WebSearchModel) ? _factory.Options.ChatModel : _options.WebSearchModel;
        try
        {
#pragma warning disable OPENAI001 // The Responses API is marked experimental in the SDK.
            var request = new CreateResponseOptions(model, [ResponseItem.CreateUserMessageItem(query)]);
            request.Tools.Add(ResponseTool.CreateWebSearchTool());
            ResponseResult response = await _factory.GetResponsesClient().CreateResponseAsync(request, cancellationToken).ConfigureAwait(false);
            return WebSearchResponseReader.Read(query, model, response);
#pragma warning restore OPENAI001
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw OpenAIErrorMapper.Map(e, _factory.Options.ApiKey, model);
        }
    }
}
