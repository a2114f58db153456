using McpOpenAI.Kernel.Prompts;

namespace McpOpenAI.Kernel.Agents;

/// <summary>An agent as read from its <c>*.agent.yaml</c> file, before it is bound to a kernel.</summary>
public sealed record AgentDefinition
{
    /// <summary>The function (and MCP tool) name, e.g. <c>ask_database</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the agent does; shown to MCP clients as the tool description.</summary>
    public string? Description { get; init; }

    /// <summary>The system instructions: a template in Semantic Kernel syntax (or handlebars).</summary>
    public required string Instructions { get; init; }

    /// <summary>The template syntax of <see cref="Instructions"/> and <see cref="Message"/>; see <see cref="PromptTemplateFormats"/>.</summary>
    public string TemplateFormat { get; init; } = PromptTemplateFormats.SemanticKernel;

    /// <summary>The user turn: a template over the input variables; null to send the inputs as they are.</summary>
    public string? Message { get; init; }

    /// <summary>The agent's inputs; they are the tool's parameters (plus <c>session</c>).</summary>
    public IReadOnlyList<PromptInputVariable> InputVariables { get; init; } = [];

    /// <summary>The tools the agent may call: <c>Plugin</c> (all its functions) or <c>Plugin.function</c>.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Model and sampling settings (Semantic Kernel's <c>execution_settings</c>; <c>default</c> first).</summary>
    public IReadOnlyList<PromptExecutionSettings> ExecutionSettings { get; init; } = [];

    /// <summary>The caps of each run.</summary>
    public AgentLimits Limits { get; init; } = AgentLimits.Default;

    /// <summary>How many tokens of earlier turns a continued session sends to the model (oldest turns dropped first).</summary>
    public int MaxHistoryTokens { get; init; } = 8000;

    /// <summary>The file the agent came from.</summary>
    public string? SourcePath { get; init; }
}
