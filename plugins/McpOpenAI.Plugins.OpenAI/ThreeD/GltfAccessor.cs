namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A glTF accessor: a typed view of one buffer view, with min/max where the spec asks for them (POSITION).</summary>
internal sealed record GltfAccessor(int BufferView, int ComponentType, int Count, string Type, float[]? Min = null, float[]? Max = null);
