using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.Agents.Files;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// An agent bound to the application: <see cref="Function"/> is its kernel function, whose parameters are the agent's
/// inputs plus an optional <c>session</c>. Invoking it renders the instructions and the user turn through the kernel,
/// runs Semantic Kernel's streaming auto function calling over the kernel's chat client with the agent's tools
/// (<see cref="AgentChatRun"/>), stores the turn in the session and returns an <see cref="AgentResult"/>.
/// </summary>
public sealed class AgentFunction
{
    /// <summary>The name of the optional parameter that continues an earlier conversation.</summary>
    public const string SessionParameter = "session";

    private readonly AgentSessionStore? _sessions;
    private readonly IExternalPlugins? _external;

    /// <summary>Binds a definition.</summary>
    /// <param name="definition">The agent as read from its file.</param>
    /// <param name="templates">Makes the instructions and message templates; Semantic Kernel's own syntax by default.</param>
    /// <param name="sessions">Where conversations are kept; null for no sessions.</param>
    /// <param name="external">Plugins that may join the kernel later (other MCP servers).</param>
    /// <exception cref="Prompts.PromptFileException">A template is malformed.</exception>
    public AgentFunction(AgentDefinition definition, IPromptTemplateFactory? templates = null, AgentSessionStore? sessions = null, IExternalPlugins? external = null)
        : this(definition, templates ?? new KernelPromptTemplateFactory(), sessions, external, 0, 0)
    {
    }

    internal AgentFunction(AgentDefinition definition, IPromptTemplateFactory templates, AgentSessionStore? sessions, IExternalPlugins? external,
        int instructionsOffset, int messageOffset)
    {
        Definition = definition;
        _sessions = sessions;
        _external = external;
        Instructions = new AgentTemplate(definition.Instructions, definition.TemplateFormat, definition.InputVariables, templates, instructionsOffset);
        // Without declared inputs, the inputs are the variables the instructions use.
        InputVariables = definition.InputVariables.Count > 0 ? definition.InputVariables
            : Instructions.References.Variables.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase).Select(name => new InputVariable { Name = name }).ToArray();
        Message = definition.Message is { } message
            ? new AgentTemplate(message, definition.TemplateFormat, InputVariables, templates, messageOffset)
            : new AgentTemplate(DefaultMessage(definition.TemplateFormat, InputVariables), definition.TemplateFormat, InputVariables, templates, 0);
        Function = KernelFunctionFactory.CreateFromMethod(InvokeAsync, KernelJson.Options, new KernelFunctionFromMethodOptions
        {
            FunctionName = definition.Name,
            Description = definition.Description ?? string.Empty,
            Parameters = [.. InputVariables.Select(Parameter), new KernelParameterMetadata(SessionParameter, KernelJson.Options)
            {
                Description = SessionDescription,
                ParameterType = typeof(string),
                IsRequired = false,
            }],
            ReturnParameter = new KernelReturnParameterMetadata(KernelJson.Options)
            {
                Description = "The answer, why the run ended, the tool calls made and the token usage.",
                ParameterType = typeof(AgentResult),
            },
            AdditionalMetadata = new(new Dictionary<string, object?>
            {
                [KernelFunctions.InputSchemaKey] = InputSchema(InputVariables),
                [FunctionTraits.PropertyKey] = new FunctionTraits { Title = definition.Name, ReadOnly = false, OpenWorld = true, Idempotent = false, LongRunning = true },
            }),
        });
    }

    private const string SessionDescription = "Optional: the 'session' value an earlier run returned, to continue that conversation. Leave out to start fresh.";

    /// <summary>The agent as read from its file.</summary>
    public AgentDefinition Definition { get; }

    /// <summary>The agent's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The kernel function that runs the agent (in no plugin; the agents plugin holds a copy).</summary>
    public KernelFunction Function { get; }

    /// <summary>The inputs: the declared ones, or those the instructions use when none are declared.</summary>
    public IReadOnlyList<InputVariable> InputVariables { get; }

    internal AgentTemplate Instructions { get; }

    internal AgentTemplate Message { get; }

    /// <summary>
    /// The functions of <paramref name="kernel"/> this agent may call, with the tool names the model sees. Resolved at
    /// every run, so plugins loaded later are picked up; the agent never gets itself.
    /// </summary>
    /// <exception cref="FunctionException">A tool entry names an external plugin (another MCP server) that is not connected.</exception>
    public IReadOnlyList<NamedTool> ResolveTools(Microsoft.SemanticKernel.Kernel kernel)
    {
        // In plugin-name order, as the MCP bridge lists them.
        var named = ToolNaming.Assign(kernel.Plugins.OrderBy(p => p.Name, StringComparer.Ordinal))
            .Where(t => !(string.Equals(t.Plugin.Name, AgentPluginSource.PluginName, StringComparison.OrdinalIgnoreCase)
                && string.Equals(t.Function.Name, Name, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        foreach (var entry in Definition.Tools)
        {
            var plugin = entry.Split('.')[0];
            if (!named.Any(t => Matches(entry, t)) && _external?.StatusOf(plugin) is { } status)
            {
                throw new FunctionException(ErrorCodes.UpstreamError,
                    $"The agent '{Name}' uses '{entry}', a tool of the MCP server '{plugin}', which is not available: {status}",
                    ["Check the server's entry under Agents:McpServers and the server log; prompt_status shows each MCP server's state.",
                     "Or remove it from the agent's tools."]);
            }
        }
        return named.Where(t => Definition.Tools.Any(entry => Matches(entry, t))).ToArray();
    }

    // 'Plugin.function' names a function by its own name, its tool name, or as '{plugin}_{function}' (the tool naming
    // rule's spelling, which other MCP servers' tools carry so they never rename this server's own).
    internal static bool Matches(string entry, NamedTool tool)
    {
        var dot = entry.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
            return string.Equals(entry, tool.Plugin.Name, StringComparison.OrdinalIgnoreCase);
        var function = entry[(dot + 1)..];
        return string.Equals(entry[..dot], tool.Plugin.Name, StringComparison.OrdinalIgnoreCase)
            && (string.Equals(function, tool.Function.Name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(function, tool.ToolName, StringComparison.OrdinalIgnoreCase)
                || string.Equals($"{Naming.ToSnakeCase(tool.Plugin.Name)}_{function}", tool.Function.Name, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<AgentResult> InvokeAsync(Microsoft.SemanticKernel.Kernel kernel, KernelArguments arguments, CancellationToken cancellationToken)
    {
        var tools = ResolveTools(kernel);
        var sessionId = SessionOf(arguments);
        IReadOnlyList<ChatMessage> history = [];
        if (sessionId is not null && _sessions is not null)
            history = await _sessions.LoadAsync(sessionId, Name, Definition.MaxHistoryTokens, cancellationToken).ConfigureAwait(false);
        if (_sessions is not null)
            sessionId ??= AgentSessionStore.NewId();

        var inputs = Inputs(arguments);
        var system = await Instructions.RenderAsync(kernel, inputs, cancellationToken).ConfigureAwait(false);
        var user = await Message.RenderAsync(kernel, inputs, cancellationToken).ConfigureAwait(false);
        var conversation = new List<ChatMessage> { new(ChatRole.System, system.Trim()) };
        conversation.AddRange(history);
        var turnStart = conversation.Count;
        conversation.Add(new ChatMessage(ChatRole.User, user.Trim()));

        var run = new AgentChatRun(kernel, tools, Definition.Settings, Definition.Limits, CallContext.Current?.Progress);
        var result = await run.RunAsync(conversation, sessionId, cancellationToken).ConfigureAwait(false);

        if (sessionId is not null && _sessions is not null)
            await _sessions.AppendTurnAsync(sessionId, Name, conversation.Skip(turnStart), CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    // The template arguments: what the caller gave (JSON strings as text), defaults for what it did not, and a clear
    // error for a required input that is missing.
    private KernelArguments Inputs(KernelArguments given)
    {
        var inputs = new KernelArguments();
        foreach (var (name, value) in given)
        {
            if (!string.Equals(name, SessionParameter, StringComparison.OrdinalIgnoreCase))
                inputs[name] = value is JsonElement { ValueKind: JsonValueKind.String } text ? text.GetString() : value;
        }
        foreach (var variable in InputVariables.Where(v => !inputs.TryGetValue(v.Name, out var value) || value is null or JsonElement { ValueKind: JsonValueKind.Null }))
        {
            inputs[variable.Name] = variable.Default ?? (variable.IsRequired
                ? throw FunctionException.InvalidArgument(variable.Name, $"'{Name}' needs a value for '{variable.Name}'{(string.IsNullOrEmpty(variable.Description) ? "" : $" ({variable.Description})")}.")
                : null);
        }
        return inputs;
    }

    private static string? SessionOf(KernelArguments arguments) =>
        arguments.TryGetValue(SessionParameter, out var value) ? value switch
        {
            string text when !string.IsNullOrWhiteSpace(text) => text.Trim(),
            JsonElement { ValueKind: JsonValueKind.String } element when !string.IsNullOrWhiteSpace(element.GetString()) => element.GetString()!.Trim(),
            _ => null,
        } : null;

    // Without a message template the user turn is the single input, or one "name: value" line per input.
    private static string DefaultMessage(string format, IReadOnlyList<InputVariable> variables)
    {
        string Use(string name) => format == AgentDefinition.HandlebarsFormat ? $"{{{{{name}}}}}" : $"{{{{${name}}}}}";
        return variables.Count switch
        {
            0 => "Go.",
            1 => Use(variables[0].Name),
            _ => string.Join("\n", variables.Select(v => $"{v.Name}: {Use(v.Name)}")),
        };
    }

    private static KernelParameterMetadata Parameter(InputVariable variable) => new(variable.Name, KernelJson.Options)
    {
        Description = variable.Description,
        DefaultValue = variable.Default,
        IsRequired = variable.IsRequired && variable.Default is null,
        ParameterType = variable.JsonSchema is null ? typeof(string) : null,
        Schema = variable.JsonSchema is { } schema ? KernelJsonSchema.Parse(schema) : null,
    };

    // The tool's input schema as MCP clients see it: one property per input (a string unless it declares a schema),
    // required when it must be supplied, and the optional session.
    private static JsonElement InputSchema(IReadOnlyList<InputVariable> variables)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var variable in variables)
        {
            var schema = variable.JsonSchema is { } text && JsonNode.Parse(text) is JsonObject declared ? declared : new JsonObject { ["type"] = "string" };
            if (!string.IsNullOrEmpty(variable.Description))
                schema.TryAdd("description", variable.Description);
            if (variable.Default is not null)
                schema.TryAdd("default", JsonSerializer.SerializeToNode(variable.Default, KernelJson.TypeInfo<object>(KernelJson.PlainOptions)));
            properties[variable.Name] = schema;
            if (variable.IsRequired && variable.Default is null)
                required.Add((JsonNode)variable.Name);
        }
        properties[SessionParameter] = new JsonObject { ["type"] = "string", ["description"] = SessionDescription };
        var root = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
            root["required"] = required;
        return KernelJson.SerializeToElement<JsonNode>(root, KernelJson.PlainOptions);
    }
}
