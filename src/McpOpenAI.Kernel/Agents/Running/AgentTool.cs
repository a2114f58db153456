using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// One function an agent may call, under its two names: <see cref="ToolName"/>, the name the model sees (the MCP tool
/// name, unique across plugins), and <see cref="KernelName"/>, the name Semantic Kernel's function calling knows it by.
/// </summary>
internal sealed record AgentTool(string ToolName, string KernelName, KernelFunction Function, ToolSchema Schema)
{
    public static AgentTool From(NamedTool tool) =>
        new(tool.ToolName, ((AIFunction)tool.Function).Name, tool.Function, ToolSchema.Of(tool.Function));
}
