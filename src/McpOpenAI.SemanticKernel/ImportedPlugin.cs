namespace McpOpenAI.SemanticKernel;

/// <summary>Marks a plugin as already in the kernel's services, so importing it again adds no second copy.</summary>
/// <param name="Name">The plugin name.</param>
internal sealed record ImportedPlugin(string Name);
