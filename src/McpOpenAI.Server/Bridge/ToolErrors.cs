using System.Text;
using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Bridge;

/// <summary>Turns any exception into an MCP tool error (<c>isError: true</c>) a person can act on.</summary>
internal static class ToolErrors
{
    /// <summary>Maps an exception to the user-facing error it stands for.</summary>
    public static FunctionException Classify(Exception exception) => exception switch
    {
        FunctionException fe => fe,
        ArgumentException or JsonException or FormatException or InvalidCastException =>
            new FunctionException(ErrorCodes.InvalidArgument, $"The arguments are not valid: {exception.Message}",
                ["Check the tool's input schema for the names and types of its parameters."]),
        TimeoutException =>
            new FunctionException(ErrorCodes.Timeout, "The call took too long and was stopped.", ["Try again, or ask for less at once."]),
        _ => new FunctionException(ErrorCodes.Internal, $"The function failed unexpectedly: {exception.Message}",
            ["This is a bug in the server or a plugin; the server log (stderr) has the details."]),
    };

    /// <summary>The error as a tool result.</summary>
    public static CallToolResult ToResult(FunctionException error) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = Format(error) }],
    };

    /// <summary>The error as text: code and message, then one suggestion per line.</summary>
    public static string Format(FunctionException error)
    {
        var text = new StringBuilder().Append("Error (").Append(error.Code).Append("): ").Append(error.Message);
        foreach (var suggestion in error.Suggestions)
            text.Append("\n- ").Append(suggestion);
        return text.ToString();
    }
}
