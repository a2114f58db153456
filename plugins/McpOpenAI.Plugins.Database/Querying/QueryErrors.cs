using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Plugins.Database.Querying;

/// <summary>The user-facing errors of the database functions, worded in one place.</summary>
internal static class QueryErrors
{
    public static FunctionException Timeout(TimeSpan limit, Exception? inner = null) => new(
        ErrorCodes.Timeout,
        $"The query was stopped after {limit.TotalSeconds:0.#} seconds (the time limit).",
        ["Filter earlier (WHERE), aggregate instead of listing, or add LIMIT.", "Check recursive CTEs for a stop condition."],
        inner);

    public static FunctionException WriteRefused(string detail, Exception? inner = null) => new(
        ErrorCodes.PermissionDenied,
        $"The database refused the statement: {detail} The connection is read-only; only SELECT queries can run.",
        ["Rewrite the request as a SELECT query."],
        inner);

    public static FunctionException Rejected(string detail, Exception? inner = null) => new(
        ErrorCodes.InvalidArgument,
        $"The database rejected the query: {detail}",
        ["Check table and column names with list_tables and describe_table.", "Fix the SQL and try again."],
        inner);

    public static FunctionException TableNotFound(string table, IEnumerable<string> existing)
    {
        var names = existing.ToList();
        var list = names.Count == 0 ? "(none)" : string.Join(", ", names);
        return new FunctionException(
            ErrorCodes.NotFound,
            $"There is no table or view named '{table}'. The tables are: {list}.",
            ["Use one of the names above exactly as listed.", "Call list_tables to see row counts and columns."]);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>Finds a table by exact name, then ignoring case.</summary>
    public static string? Resolve(string table, IReadOnlyCollection<string> names)
    {
        var wanted = table.Trim();
        if (wanted.Length > 1 && wanted[0] == '"' && wanted[^1] == '"')
            wanted = wanted[1..^1].Replace("\"\"", "\"");
        return names.FirstOrDefault(n => n == wanted)
            ?? names.FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
