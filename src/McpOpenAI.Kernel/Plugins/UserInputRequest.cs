using System.Text.Json;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// What to ask the user: a message and a flat JSON schema (<c>{"type":"object","properties":{...},"required":[...]}</c>)
/// whose properties are primitives — string (optionally <c>enum</c>/<c>oneOf</c> choices, a <c>format</c>), number,
/// integer or boolean, each with an optional <c>default</c> — or arrays of enumerated strings for multiple choice.
/// </summary>
/// <param name="Message">What the user is asked, in plain words.</param>
/// <param name="Schema">The form: a JSON schema object of primitive properties.</param>
public sealed record UserInputRequest(string Message, JsonElement Schema)
{
    /// <summary>The <see cref="Errors.FunctionException.Code"/> thrown when the host cannot ask the user.</summary>
    public const string UnavailableCode = "user_input_unavailable";

    /// <summary>Makes a request from the schema's JSON text.</summary>
    public static UserInputRequest FromJson(string message, string schemaJson)
    {
        using var document = JsonDocument.Parse(schemaJson);
        return new UserInputRequest(message, document.RootElement.Clone());
    }
}
