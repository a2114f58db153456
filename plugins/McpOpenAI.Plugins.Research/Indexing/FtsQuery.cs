using System.Text.RegularExpressions;

namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>
/// Turns what a person or model typed into FTS5 queries. Plain words are quoted one by one (so punctuation and
/// words such as AND or NEAR are never operators) and tried as "all words" first, then "any word".
/// A query that already uses FTS5 syntax (quotes, <c>AND</c>/<c>OR</c>/<c>NOT</c>, <c>NEAR(…)</c>, <c>prefix*</c>,
/// parentheses) is passed as written, and a syntax error in it is reported to the caller.
/// </summary>
public sealed partial record FtsQuery(string Mode, string Expression)
{
    /// <summary>All the words must occur (plain query).</summary>
    public const string AllWords = "all_words";

    /// <summary>Any of the words may occur, ranked by how well they match (plain query, fallback).</summary>
    public const string AnyWord = "any_word";

    /// <summary>The caller's own FTS5 expression.</summary>
    public const string Advanced = "fts5";

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in", "is", "it",
        "of", "on", "or", "our", "say", "says", "the", "this", "to", "was", "we", "what", "when", "where", "which", "who", "why",
        "will", "with", "you", "your", "about", "my", "me", "there", "their", "that", "these", "those", "any", "tell",
    };

    /// <summary>The queries to try in order for <paramref name="text"/>; empty when it has no searchable word.</summary>
    public static IReadOnlyList<FtsQuery> Plan(string text)
    {
        var trimmed = text.Trim();
        if (LooksAdvanced(trimmed))
            return [new FtsQuery(Advanced, trimmed)];
        var words = Words(trimmed);
        if (words.Count == 0)
            return [];
        var all = new FtsQuery(AllWords, string.Join(' ', words.Select(Quote)));
        return words.Count == 1 ? [all] : [all, new FtsQuery(AnyWord, string.Join(" OR ", words.Select(Quote)))];
    }

    /// <summary>The distinct lower-case words of <paramref name="text"/>, without stop words unless nothing else is left.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var content = words.Where(w => !StopWords.Contains(w)).ToList();
        return content.Count > 0 ? content : words;
    }

    private static bool LooksAdvanced(string text) => text.Contains('"') || Operator().IsMatch(text);

    private static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(^|\s)(AND|OR|NOT)(\s|$)|\bNEAR\s*\(|[\p{L}\p{N}]\*|^\(|\s\(|\^[\p{L}\p{N}]")]
    private static partial Regex Operator();
}
