namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A glTF buffer view: a 4-byte-aligned slice of the one buffer, with its target.</summary>
internal sealed record GltfBufferView(int ByteOffset, int ByteLength, int Target);
