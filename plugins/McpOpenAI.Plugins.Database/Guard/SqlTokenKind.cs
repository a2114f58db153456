namespace McpOpenAI.Plugins.Database.Guard;

/// <summary>What a <see cref="SqlToken"/> is. Comments and whitespace never become tokens.</summary>
internal enum SqlTokenKind
{
    /// <summary>An unquoted keyword or identifier.</summary>
    Word,

    /// <summary>A quoted identifier (<c>"x"</c>, <c>[x]</c>, <c>`x`</c>); the text is the unquoted name.</summary>
    QuotedIdentifier,

    /// <summary>A string literal of any kind (plain, <c>E'…'</c>, dollar-quoted).</summary>
    String,

    /// <summary>A numeric literal.</summary>
    Number,

    /// <summary>A statement separator.</summary>
    Semicolon,

    /// <summary>Any other character: operators, parentheses, commas, dots, parameters.</summary>
    Symbol,
}
