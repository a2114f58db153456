namespace McpOpenAI.Plugins.Database.Guard;

/// <summary>
/// Splits SQL into tokens the way the database's own lexer does for everything that can hide code:
/// comments, string literals, quoted identifiers and (PostgreSQL) dollar quotes and <c>E'…'</c> strings.
/// Where the two dialects could disagree with this lexer (nested block comments), the text is refused
/// rather than guessed at.
/// </summary>
internal static class SqlTokenizer
{
    public static List<SqlToken> Tokenize(string sql, SqlDialect dialect)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && next == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (c == '/' && next == '*')
            {
                i = SkipBlockComment(sql, i);
            }
            else if (c == '\'')
            {
                i = ReadQuoted(sql, i, '\'', backslashEscapes: false, SqlTokenKind.String, tokens, "string literal");
            }
            else if (c == '"')
            {
                i = ReadQuoted(sql, i, '"', backslashEscapes: false, SqlTokenKind.QuotedIdentifier, tokens, "quoted identifier");
            }
            else if (c == '`' && dialect == SqlDialect.Sqlite)
            {
                i = ReadQuoted(sql, i, '`', backslashEscapes: false, SqlTokenKind.QuotedIdentifier, tokens, "quoted identifier");
            }
            else if (c == '[' && dialect == SqlDialect.Sqlite)
            {
                var end = sql.IndexOf(']', i + 1);
                if (end < 0)
                    throw new SqlGuardException($"the bracketed identifier at offset {i} is never closed.");
                tokens.Add(new(SqlTokenKind.QuotedIdentifier, sql[(i + 1)..end], i));
                i = end + 1;
            }
            else if (c == '$' && dialect == SqlDialect.Postgres && TryReadDollarQuote(sql, i, tokens, out var afterDollar))
            {
                i = afterDollar;
            }
            else if (IsIdentifierStart(c))
            {
                var start = i;
                while (i < sql.Length && IsIdentifierPart(sql[i]))
                    i++;
                var word = sql[start..i];
                // PostgreSQL reads E'…' as one escape-string token, in which \' does not end the string.
                if (dialect == SqlDialect.Postgres && i < sql.Length && sql[i] == '\'' && word is "E" or "e")
                    i = ReadQuoted(sql, i, '\'', backslashEscapes: true, SqlTokenKind.String, tokens, "escape string");
                else
                    tokens.Add(new(SqlTokenKind.Word, word, start));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(next)))
            {
                var start = i;
                while (i < sql.Length && (char.IsAsciiLetterOrDigit(sql[i]) || sql[i] is '.' or '_'))
                    i++;
                tokens.Add(new(SqlTokenKind.Number, sql[start..i], start));
            }
            else if (c == ';')
            {
                tokens.Add(new(SqlTokenKind.Semicolon, ";", i));
                i++;
            }
            else
            {
                tokens.Add(new(SqlTokenKind.Symbol, c.ToString(), i));
                i++;
            }
        }
        return tokens;
    }

    private static int SkipBlockComment(string sql, int start)
    {
        var end = sql.IndexOf("*/", start + 2, StringComparison.Ordinal);
        if (end < 0)
            throw new SqlGuardException($"the block comment at offset {start} is never closed.");
        // PostgreSQL nests block comments and SQLite does not; a nested opener would make the two read
        // the rest of the text differently, so it is refused instead of guessed.
        if (sql.IndexOf("/*", start + 2, end - start - 2, StringComparison.Ordinal) >= 0)
            throw new SqlGuardException($"the block comment at offset {start} contains '/*'; nested comments are not allowed.");
        return end + 2;
    }

    private static int ReadQuoted(string sql, int start, char quote, bool backslashEscapes, SqlTokenKind kind, List<SqlToken> tokens, string what)
    {
        var text = new System.Text.StringBuilder();
        var i = start + 1;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (backslashEscapes && c == '\\' && i + 1 < sql.Length)
            {
                text.Append(sql[i + 1]);
                i += 2;
                continue;
            }
            if (c == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    text.Append(quote);
                    i += 2;
                    continue;
                }
                tokens.Add(new(kind, text.ToString(), start));
                return i + 1;
            }
            text.Append(c);
            i++;
        }
        throw new SqlGuardException($"the {what} at offset {start} is never closed.");
    }

    // $$…$$ or $tag$…$tag$; a '$' that does not open a dollar quote ($1 parameters) is left to the caller.
    private static bool TryReadDollarQuote(string sql, int start, List<SqlToken> tokens, out int end)
    {
        end = start;
        var i = start + 1;
        if (i < sql.Length && sql[i] != '$')
        {
            if (!IsIdentifierStart(sql[i]))
                return false;
            while (i < sql.Length && IsIdentifierPart(sql[i]) && sql[i] != '$')
                i++;
            if (i >= sql.Length || sql[i] != '$')
                return false;
        }
        if (i >= sql.Length)
            return false;
        var delimiter = sql[start..(i + 1)];
        var close = sql.IndexOf(delimiter, i + 1, StringComparison.Ordinal);
        if (close < 0)
            throw new SqlGuardException($"the dollar-quoted string {delimiter} at offset {start} is never closed.");
        tokens.Add(new(SqlTokenKind.String, sql[(i + 1)..close], start));
        end = close + delimiter.Length;
        return true;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
