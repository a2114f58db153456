namespace McpOpenAI.Plugins.Research.Results;

/// <summary>A web page cited by <c>web_search</c>.</summary>
/// <param name="Number">The source number, in order of first citation.</param>
/// <param name="Title">The page title.</param>
/// <param name="Url">The page URL.</param>
public sealed record WebSource(int Number, string Title, string Url);
