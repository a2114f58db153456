namespace McpOpenAI.Plugins.Database.Guard;

/// <summary>One lexical token of a SQL text.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The token text (for quoted identifiers, the name without quotes).</param>
/// <param name="Position">The offset of the token in the SQL text.</param>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(char symbol) => Kind == SqlTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;
}
