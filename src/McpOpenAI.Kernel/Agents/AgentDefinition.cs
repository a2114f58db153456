using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Agents;

/// <summary>An agent as read from its <c>*.agent.yaml</c> file, before it is bound to a kernel.</summary>
public sealed record AgentDefinition
{
    /// <summary>The template format of Semantic Kernel's own syntax (<c>{{$var}}</c>, <c>{{plugin.function}}</c>).</summary>
    public const string SemanticKernelFormat = "semantic-kernel";

    /// <summary>The template format of Handlebars (<c>{{var}}</c>, <c>{{plugin-function}}</c>).</summary>
    public const string HandlebarsFormat = "handlebars";

    /// <summary>The function (and MCP tool) name, e.g. <c>ask_database</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the agent does; shown to MCP clients as the tool description.</summary>
    public string? Description { get; init; }

    /// <summary>The system instructions: a prompt template (see <see cref="TemplateFormat"/>).</summary>
    public required string Instructions { get; init; }

    /// <summary>The template format of <see cref="Instructions"/> and <see cref="Message"/>.</summary>
    public string TemplateFormat { get; init; } = SemanticKernelFormat;

    /// <summary>The user turn: a template over the input variables; null to send the inputs as they are.</summary>
    public string? Message { get; init; }

    /// <summary>The agent's declared inputs (Semantic Kernel's <c>input_variables</c>); they are the tool's parameters (plus <c>session</c>).</summary>
    public IReadOnlyList<InputVariable> InputVariables { get; init; } = [];

    /// <summary>The tools the agent may call: <c>Plugin</c> (all its functions) or <c>Plugin.function</c>.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Model and sampling settings by service id (Semantic Kernel's <c>execution_settings</c>); <c>default</c> applies to any model.</summary>
    public IReadOnlyDictionary<string, PromptExecutionSettings> ExecutionSettings { get; init; } = new Dictionary<string, PromptExecutionSettings>();

    /// <summary>The caps of each run.</summary>
    public AgentLimits Limits { get; init; } = AgentLimits.Default;

    /// <summary>How many tokens of earlier turns a continued session sends to the model (oldest turns dropped first).</summary>
    public int MaxHistoryTokens { get; init; } = 8000;

    /// <summary>The file the agent came from.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The settings a run uses: <c>default</c>, else the first entry; null when there are none.</summary>
    public PromptExecutionSettings? Settings =>
        ExecutionSettings.TryGetValue(PromptExecutionSettings.DefaultServiceId, out var settings) ? settings : ExecutionSettings.Values.FirstOrDefault();
}
