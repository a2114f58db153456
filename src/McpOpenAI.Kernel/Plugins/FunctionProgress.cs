using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// A progress report from a running function. A plugin method receives an
/// <see cref="IProgress{T}"/> of this type by declaring the parameter; it is never part of the schema.
/// </summary>
/// <param name="Progress">Work done so far (any unit), when known.</param>
/// <param name="Total">Total work in the same unit, when known.</param>
/// <param name="Message">A human-readable message: a status line, a streamed text chunk, a file path.</param>
/// <param name="Kind">What the message is, so hosts can render it: status, text delta, file.</param>
/// <param name="Content">Content that goes with the message, such as a link to the file just written (<see cref="UriContent"/>).</param>
public readonly record struct FunctionProgress(
    double? Progress = null,
    double? Total = null,
    string? Message = null,
    ProgressKind Kind = ProgressKind.Status,
    AIContent? Content = null);

/// <summary>What a <see cref="FunctionProgress"/> message carries.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ProgressKind>))]
public enum ProgressKind
{
    /// <summary>A status line ("3 of 10 done").</summary>
    Status,

    /// <summary>A chunk of streamed model output.</summary>
    TextDelta,

    /// <summary>The path of a file that was just written.</summary>
    File,
}
