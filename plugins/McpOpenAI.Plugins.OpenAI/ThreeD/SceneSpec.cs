namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>The scene as the model returns it (see <see cref="SceneSchema"/>), before any check.</summary>
internal sealed record SceneSpec(string? Name, string? Description, IReadOnlyList<SceneMaterialSpec>? Materials, IReadOnlyList<SceneNodeSpec>? Nodes);
