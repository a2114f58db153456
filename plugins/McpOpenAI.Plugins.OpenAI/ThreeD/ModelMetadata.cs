using System.Text.Json;
using McpOpenAI.Plugins.OpenAI.Chat;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>The JSON file written beside a 3D model: what was asked, what answered, what was written, and the scene itself.</summary>
internal sealed record ModelMetadata
{
    /// <summary>Our id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The description asked for.</summary>
    public string Description { get; init; } = "";

    /// <summary>The chat model that designed the scene.</summary>
    public string Model { get; init; } = "";

    /// <summary>low, medium or high.</summary>
    public string Detail { get; init; } = "";

    /// <summary>The scene's name.</summary>
    public string? Name { get; init; }

    /// <summary>The short preview description.</summary>
    public string? Preview { get; init; }

    /// <summary>What the scene holds.</summary>
    public SceneCounts? Counts { get; init; }

    /// <summary>The file names written.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The chat response id.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Tokens used.</summary>
    public ChatUsage? Usage { get; init; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The scene as the model returned it, so the files can be rebuilt.</summary>
    public JsonElement? Scene { get; init; }
}
