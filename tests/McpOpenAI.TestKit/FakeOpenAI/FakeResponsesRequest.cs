using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>A <c>POST /v1/responses</c> request, parsed for scripting and inspection.</summary>
public sealed class FakeResponsesRequest
{
    /// <summary>The model id.</summary>
    public required string Model { get; init; }

    /// <summary>The text of the last user input (the whole input when it was a string).</summary>
    public required string InputText { get; init; }

    /// <summary>How many <c>input_image</c> parts the input carried.</summary>
    public int InputImageCount { get; init; }

    /// <summary>The <c>instructions</c>, if any.</summary>
    public string? Instructions { get; init; }

    /// <summary>The <c>previous_response_id</c>, if any.</summary>
    public string? PreviousResponseId { get; init; }

    /// <summary>The stored response that <see cref="PreviousResponseId"/> names.</summary>
    public JsonObject? PreviousResponse { get; init; }

    /// <summary>The tools offered, as sent.</summary>
    public IReadOnlyList<JsonObject> Tools { get; init; } = [];

    /// <summary>True for <c>stream: true</c>.</summary>
    public bool Stream { get; init; }

    /// <summary>The whole request body.</summary>
    public required JsonObject Raw { get; init; }

    /// <summary>The first tool of the given type (e.g. <c>image_generation</c>), or null.</summary>
    public JsonObject? Tool(string type) => Tools.FirstOrDefault(t => t["type"]?.GetValue<string>() == type);
}
