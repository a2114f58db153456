namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>A web page the fake's <c>web_search</c> tool cites.</summary>
/// <param name="Url">The page URL.</param>
/// <param name="Title">The page title.</param>
public sealed record FakeCitation(string Url, string Title);
