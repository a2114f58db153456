namespace McpOpenAI.Plugins.Research.Results;

/// <summary>What <c>web_search</c> found.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="Answer">The model's answer, with <c>[n]</c> after each cited passage.</param>
/// <param name="Sources">The cited pages, numbered as in <paramref name="Answer"/>.</param>
/// <param name="Searches">How many web searches the model ran.</param>
/// <param name="Model">The model used.</param>
/// <param name="ResponseId">The Responses API id.</param>
public sealed record WebSearchResult(string Query, string Answer, IReadOnlyList<WebSource> Sources, int Searches, string Model, string? ResponseId);
