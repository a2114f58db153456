using System.Text.Json.Serialization;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>How the user answered a request for input.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<UserInputAction>))]
public enum UserInputAction
{
    /// <summary>The user submitted the form.</summary>
    Accept,

    /// <summary>The user explicitly said no.</summary>
    Decline,

    /// <summary>The user dismissed the request without choosing.</summary>
    Cancel,
}
