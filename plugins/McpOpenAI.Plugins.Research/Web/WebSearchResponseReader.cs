#pragma warning disable OPENAI001 // The Responses API is marked experimental in the SDK.
using System.Text;
using McpOpenAI.Plugins.Research.Results;
using OpenAI.Responses;

namespace McpOpenAI.Plugins.Research.Web;

/// <summary>
/// Reads a Responses API result of a web search: the answer text with <c>[n]</c> after each cited passage, and the
/// cited pages numbered in order of first citation (one number per URL).
/// </summary>
internal static class WebSearchResponseReader
{
    public static WebSearchResult Read(string query, string model, ResponseResult response)
    {
        var sources = new List<WebSource>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var answer = new StringBuilder();
        foreach (var message in response.OutputItems.OfType<MessageResponseItem>())
        {
            foreach (var part in message.Content)
            {
                if (string.IsNullOrEmpty(part.Text))
                    continue;
                if (answer.Length > 0) answer.Append("\n\n");
                answer.Append(Mark(part.Text, part.OutputTextAnnotations.OfType<UriCitationMessageAnnotation>(), sources, numbers));
            }
        }
        var searches = response.OutputItems.OfType<WebSearchCallResponseItem>().Count();
        return new WebSearchResult(query, answer.ToString(), sources, searches, response.Model ?? model, response.Id);
    }

    private static string Mark(string text, IEnumerable<UriCitationMessageAnnotation> citations, List<WebSource> sources, Dictionary<string, int> numbers)
    {
        var inserts = new List<(int At, int Number)>();
        foreach (var citation in citations.OrderBy(c => c.StartIndex))
        {
            var url = citation.Uri?.ToString();
            if (string.IsNullOrEmpty(url))
                continue;
            if (!numbers.TryGetValue(url, out var number))
            {
                number = sources.Count + 1;
                numbers[url] = number;
                sources.Add(new WebSource(number, string.IsNullOrWhiteSpace(citation.Title) ? url : citation.Title, url));
            }
            inserts.Add((Math.Clamp(citation.EndIndex, 0, text.Length), number));
        }
        var marked = new StringBuilder(text);
        foreach (var (at, number) in inserts.OrderByDescending(i => i.At))
            marked.Insert(at, $" [{number}]");
        return marked.ToString();
    }
}
