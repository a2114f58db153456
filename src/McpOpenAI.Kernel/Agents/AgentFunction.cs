using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// An agent as a kernel function: its inputs (plus an optional <c>session</c>) are its parameters; invoking it
/// renders the instructions, runs <see cref="AgentRunner"/> on the kernel's chat client (OpenAI, or the caller's
/// model through MCP sampling) with the allowed tools, stores the turn in the session, and returns an
/// <see cref="AgentResult"/>.
/// </summary>
public sealed class AgentFunction : AIFunction
{
    /// <summary>The name of the optional parameter that continues an earlier conversation.</summary>
    public const string SessionParameter = "session";

    private static readonly InvocationOptions AgentOptions = new() { Source = InvocationSource.Agent };
    private readonly PluginKernel _kernel;
    private readonly AgentSessionStore? _sessions;
    private readonly AgentRunner _runner;
    private readonly PromptFunction _instructions;
    private readonly PromptFunction _message;
    private readonly Dictionary<string, object?> _properties;

    /// <summary>Binds a definition to a kernel.</summary>
    /// <param name="definition">The agent as read from its file.</param>
    /// <param name="kernel">Supplies the chat client, the tools and the filters.</param>
    /// <param name="sessions">Where conversations are kept; null for no sessions.</param>
    /// <param name="runner">The loop; a new one by default.</param>
    /// <exception cref="PromptFileException">A template is malformed.</exception>
    public AgentFunction(AgentDefinition definition, PluginKernel kernel, AgentSessionStore? sessions = null, AgentRunner? runner = null)
        : this(definition, kernel, sessions, runner, 0, 0)
    {
    }

    internal AgentFunction(AgentDefinition definition, PluginKernel kernel, AgentSessionStore? sessions, AgentRunner? runner, int instructionsOffset, int messageOffset)
    {
        Definition = definition;
        _kernel = kernel;
        _sessions = sessions;
        _runner = runner ?? new AgentRunner();
        // The instructions are the system message and the user turn is one message: neither is parsed for
        // <message> tags, so values go in as written (HTML-encoding would only garble SQL and schema text).
        var variables = definition.InputVariables.Select(v => v with { AllowDangerouslySetContent = true }).ToArray();
        _instructions = new PromptFunction(Prompt(definition, definition.Instructions, variables), AgentPluginSource.PluginName, kernel, instructionsOffset);
        _message = new PromptFunction(Prompt(definition, definition.Message ?? DefaultMessage(definition), variables), AgentPluginSource.PluginName, kernel,
            definition.Message is null ? 0 : messageOffset);
        JsonSchema = BuildSchema(_instructions.JsonSchema);
        ReturnJsonSchema = AIJsonUtilities.CreateJsonSchema(typeof(AgentResult), serializerOptions: KernelJson.Options);
        _properties = new Dictionary<string, object?>
        {
            [FunctionTraits.PropertyKey] = new FunctionTraits { Title = definition.Name, ReadOnly = false, OpenWorld = true, Idempotent = false, LongRunning = true },
            [AIPlugin.PluginNameKey] = AgentPluginSource.PluginName,
        };
    }

    /// <summary>The agent as read from its file.</summary>
    public AgentDefinition Definition { get; }

    /// <inheritdoc />
    public override string Name => Definition.Name;

    /// <inheritdoc />
    public override string Description => Definition.Description ?? string.Empty;

    /// <inheritdoc />
    public override JsonElement JsonSchema { get; }

    /// <inheritdoc />
    public override JsonElement? ReturnJsonSchema { get; }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> AdditionalProperties => _properties;

    internal PromptFunction InstructionsTemplate => _instructions;

    internal PromptFunction MessageTemplate => _message;

    /// <summary>
    /// The tools the agent may call now, named as MCP names them, each calling through the kernel's filters.
    /// Resolved at every run, so plugins loaded later are picked up; the agent never gets itself.
    /// </summary>
    public IReadOnlyList<AIFunction> ResolveTools() =>
        ToolNaming.Assign(_kernel.Plugins.Snapshot)
            .Where(t => !ReferenceEquals(t.Function, this) && Definition.Tools.Any(entry => Matches(entry, t)))
            .Select(t => (AIFunction)new KernelBoundFunction(_kernel, t.Plugin, t.Function, t.ToolName, AgentOptions))
            .ToArray();

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var sessionId = SessionOf(arguments);
        IReadOnlyList<ChatMessage> history = [];
        if (sessionId is not null && _sessions is not null)
            history = await _sessions.LoadAsync(sessionId, Name, Definition.MaxHistoryTokens, cancellationToken).ConfigureAwait(false);
        if (_sessions is not null)
            sessionId ??= AgentSessionStore.NewId();

        var system = await _instructions.RenderAsync(arguments, cancellationToken).ConfigureAwait(false);
        var user = await _message.RenderAsync(arguments, cancellationToken).ConfigureAwait(false);
        var conversation = new List<ChatMessage> { new(ChatRole.System, system.Trim()) };
        conversation.AddRange(history);
        var turnStart = conversation.Count;
        conversation.Add(new ChatMessage(ChatRole.User, user.Trim()));

        var result = await _runner.RunAsync(new AgentRunRequest
        {
            Client = _kernel.GetChatClient(arguments),
            Conversation = conversation,
            Tools = ResolveTools(),
            Options = _instructions.CreateChatOptions(),
            Limits = Definition.Limits,
            Progress = FunctionContext.GetProgress(arguments),
            CallerArguments = arguments,
            SessionId = sessionId,
        }, cancellationToken).ConfigureAwait(false);

        if (sessionId is not null && _sessions is not null)
            await _sessions.AppendTurnAsync(sessionId, Name, conversation.Skip(turnStart), CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    internal static bool Matches(string entry, NamedTool tool)
    {
        var dot = entry.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
            return string.Equals(entry, tool.Plugin.Name, StringComparison.OrdinalIgnoreCase);
        return string.Equals(entry[..dot], tool.Plugin.Name, StringComparison.OrdinalIgnoreCase)
            && (string.Equals(entry[(dot + 1)..], tool.Function.Name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(entry[(dot + 1)..], tool.ToolName, StringComparison.OrdinalIgnoreCase));
    }

    private static string? SessionOf(AIFunctionArguments arguments) =>
        arguments.TryGetValue(SessionParameter, out var value) ? value switch
        {
            string text when !string.IsNullOrWhiteSpace(text) => text.Trim(),
            JsonElement { ValueKind: JsonValueKind.String } element when !string.IsNullOrWhiteSpace(element.GetString()) => element.GetString()!.Trim(),
            _ => null,
        } : null;

    private static PromptDefinition Prompt(AgentDefinition definition, string template, IReadOnlyList<PromptInputVariable> variables) => new()
    {
        Name = definition.Name,
        Description = definition.Description,
        Template = template,
        TemplateFormat = definition.TemplateFormat,
        InputVariables = variables,
        InputVariablesDeclared = variables.Count > 0,
        ExecutionSettings = definition.ExecutionSettings,
        AllowDangerouslySetContent = true,
        SourcePath = definition.SourcePath,
    };

    // Without a message template the user turn is the single input, or one "name: value" line per input.
    private static string DefaultMessage(AgentDefinition definition)
    {
        var handlebars = definition.TemplateFormat == PromptTemplateFormats.Handlebars;
        string Use(string name) => handlebars ? $"{{{{{name}}}}}" : $"{{{{${name}}}}}";
        return definition.InputVariables.Count switch
        {
            0 => "Go.",
            1 => Use(definition.InputVariables[0].Name),
            _ => string.Join("\n", definition.InputVariables.Select(v => $"{v.Name}: {Use(v.Name)}")),
        };
    }

    private static JsonElement BuildSchema(JsonElement inputs)
    {
        var schema = JsonNode.Parse(inputs.GetRawText())!.AsObject();
        if (schema["properties"] is not JsonObject properties)
        {
            properties = [];
            schema["properties"] = properties;
        }
        properties[SessionParameter] = new JsonObject
        {
            ["type"] = "string",
            ["description"] = "Optional: the 'session' value an earlier run returned, to continue that conversation. Leave out to start fresh.",
        };
        return JsonSerializer.SerializeToElement(schema);
    }
}
