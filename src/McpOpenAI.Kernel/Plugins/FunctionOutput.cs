using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// A function result that carries both a structured value (serialized to JSON for the caller and
/// for MCP structured content) and rich content such as images (<see cref="DataContent"/>) and
/// links to files (<see cref="UriContent"/>).
/// </summary>
public sealed class FunctionOutput
{
    /// <summary>Creates an output with a structured value and optional rich content.</summary>
    public FunctionOutput(object? value, IEnumerable<AIContent>? contents = null)
    {
        Value = value;
        Contents = contents?.ToList() ?? [];
    }

    /// <summary>The structured value (a record, a dictionary, a string); null when there is none.</summary>
    public object? Value { get; }

    /// <summary>Images, file links and other content to show beside the value.</summary>
    public IReadOnlyList<AIContent> Contents { get; }
}
