namespace McpOpenAI.Kernel.Agents.Files;

/// <summary>An agent file as read: the definition, where its templates start, and the line of each tool entry.</summary>
/// <param name="Definition">The agent.</param>
/// <param name="InstructionsLineOffset">The number of file lines before the instructions' first line.</param>
/// <param name="MessageLineOffset">The number of file lines before the message template's first line.</param>
/// <param name="ToolLines">The line of each entry of <c>tools</c>.</param>
/// <param name="Contents">The file's text, to tell whether it changed.</param>
internal sealed record ParsedAgentFile(
    AgentDefinition Definition,
    int InstructionsLineOffset,
    int MessageLineOffset,
    IReadOnlyList<int> ToolLines,
    string Contents);
