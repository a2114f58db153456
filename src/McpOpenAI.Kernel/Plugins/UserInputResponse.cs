using System.Text.Json;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>The user's answer to a <see cref="UserInputRequest"/>.</summary>
/// <param name="Action">Whether the user submitted the form, declined it or dismissed it.</param>
/// <param name="Values">The submitted values by property name; empty unless <see cref="UserInputAction.Accept"/>.</param>
public sealed record UserInputResponse(UserInputAction Action, IReadOnlyDictionary<string, JsonElement> Values)
{
    /// <summary>True when the user submitted the form.</summary>
    public bool IsAccepted => Action == UserInputAction.Accept;
}
