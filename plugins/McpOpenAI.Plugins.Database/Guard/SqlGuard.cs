using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Plugins.Database.Guard;

/// <summary>
/// Accepts exactly one read-only query — <c>SELECT …</c> or <c>WITH … SELECT …</c> — and refuses everything
/// else with a reason. It reads the text with a real tokenizer (comments, strings, quoted identifiers, dollar
/// quotes), so a keyword hidden in a comment or a semicolon inside a string neither fools nor trips it.
/// This is the first of several locks: the connections themselves are read-only as well.
/// </summary>
public static class SqlGuard
{
    /// <summary>
    /// Checks <paramref name="sql"/> and returns the statement to run (trimmed, without its trailing semicolon).
    /// </summary>
    /// <exception cref="FunctionException">Code <c>invalid_argument</c>, saying what was refused and why.</exception>
    public static string EnsureReadOnly(string sql, SqlDialect dialect)
    {
        if (!TryCheck(sql, dialect, out var statement, out var reason))
        {
            throw new FunctionException(ErrorCodes.InvalidArgument,
                $"Query refused: {reason} Only one read-only SELECT (or WITH … SELECT) statement is allowed.",
                [
                    "Send a single SELECT statement; the database is read-only.",
                    "Quote a column or table whose name is a SQL keyword, e.g. \"order\".",
                ]);
        }
        return statement;
    }

    /// <summary>Checks <paramref name="sql"/>; on refusal <paramref name="reason"/> says why.</summary>
    public static bool TryCheck(string sql, SqlDialect dialect, out string statement, out string reason)
    {
        statement = string.Empty;
        try
        {
            statement = Check(sql ?? string.Empty, dialect);
            reason = string.Empty;
            return true;
        }
        catch (SqlGuardException e)
        {
            reason = e.Message;
            return false;
        }
    }

    private static string Check(string sql, SqlDialect dialect)
    {
        var tokens = SqlTokenizer.Tokenize(sql, dialect);
        if (tokens.Count == 0)
            throw new SqlGuardException("the query is empty.");

        var separator = tokens.FindIndex(t => t.Kind == SqlTokenKind.Semicolon);
        if (separator == 0)
            throw new SqlGuardException("the query starts with a semicolon.");
        if (separator > 0 && tokens.Skip(separator).Any(t => t.Kind != SqlTokenKind.Semicolon))
            throw new SqlGuardException($"it contains more than one statement (a ';' at offset {tokens[separator].Position} is followed by more SQL).");
        var body = separator > 0 ? tokens.Take(separator).ToList() : tokens;

        var first = body.FirstOrDefault(t => !t.IsSymbol('('));
        if (first.Text is null || !(first.IsWord("SELECT") || first.IsWord("WITH")))
            throw new SqlGuardException($"it starts with '{Describe(first)}', not SELECT or WITH.");

        for (var i = 0; i < body.Count; i++)
        {
            var token = body[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
                continue;
            var callsFunction = i + 1 < body.Count && body[i + 1].IsSymbol('(');
            if (SqlGuardLists.IsForbiddenFunction(token.Text))
                throw new SqlGuardException($"it calls '{token.Text}', a function with side effects.");
            if (token.Kind != SqlTokenKind.Word || !SqlGuardLists.ForbiddenKeywords.Contains(token.Text))
                continue;
            // After a dot the word is a column or table name (t.update), never a statement keyword.
            if (i > 0 && body[i - 1].IsSymbol('.'))
                continue;
            if (callsFunction && SqlGuardLists.KeywordsAllowedAsFunctions.Contains(token.Text))
                continue;
            throw new SqlGuardException($"it contains the keyword {token.Text.ToUpperInvariant()} at offset {token.Position}, which is not allowed in a read-only query.");
        }

        var end = separator > 0 ? tokens[separator].Position : sql.Length;
        return sql[..end].Trim();
    }

    private static string Describe(SqlToken token) =>
        token.Text is null ? "(" : token.Text.Length > 30 ? token.Text[..30] + "…" : token.Text;
}
