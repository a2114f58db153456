namespace McpOpenAI.Kernel.Agents.Files;

/// <summary>An agent file as read: the definition, where its templates start, and the line of each tool entry.</summary>
internal sealed record ParsedAgentFile(
    AgentDefinition Definition,
    int InstructionsLineOffset,
    int MessageLineOffset,
    IReadOnlyList<int?> ToolLines,
    string Contents);
