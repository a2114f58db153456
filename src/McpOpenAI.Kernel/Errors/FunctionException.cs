namespace McpOpenAI.Kernel.Errors;

/// <summary>
/// An error meant for the user: what was wrong (<see cref="Exception.Message"/>), a stable
/// <see cref="Code"/>, and what to do next (<see cref="Suggestions"/>). Hosts show these in full and
/// never with a stack trace.
/// </summary>
public class FunctionException : Exception
{
    /// <summary>Creates the error.</summary>
    public FunctionException(string code, string message, IEnumerable<string>? suggestions = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Suggestions = suggestions?.ToArray() ?? [];
    }

    /// <summary>A stable, machine-readable code such as <c>invalid_argument</c>.</summary>
    public string Code { get; }

    /// <summary>What the user can do about it.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>An argument was missing or invalid.</summary>
    public static FunctionException InvalidArgument(string argument, string problem, string? allowed = null, string? example = null)
    {
        var suggestions = new List<string>();
        if (allowed is not null) suggestions.Add($"Allowed: {allowed}.");
        if (example is not null) suggestions.Add($"Example: {argument}={example}");
        return new FunctionException(ErrorCodes.InvalidArgument, $"Invalid argument '{argument}': {problem}", suggestions);
    }
}
