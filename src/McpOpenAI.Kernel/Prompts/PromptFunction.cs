using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts.Templates;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// A function defined by a prompt file: its input variables are its parameters; invoking it renders the
/// template, sends the messages to the chat client and returns the answer, streaming it as progress.
/// </summary>
public sealed class PromptFunction : AIFunction, IPromptTemplateFunction
{
    private readonly PluginKernel _kernel;
    private readonly Dictionary<string, object?> _properties;

    /// <summary>Creates a prompt function bound to a kernel.</summary>
    /// <param name="definition">The prompt as read from its file.</param>
    /// <param name="pluginName">The plugin the function belongs to.</param>
    /// <param name="kernel">The kernel that renders nested calls and supplies the chat client.</param>
    /// <exception cref="PromptFileException">The template is malformed.</exception>
    public PromptFunction(PromptDefinition definition, string pluginName, PluginKernel kernel)
        : this(definition, pluginName, kernel, lineOffset: 0)
    {
    }

    internal PromptFunction(PromptDefinition definition, string pluginName, PluginKernel kernel, int lineOffset)
    {
        Definition = definition;
        PluginName = pluginName;
        _kernel = kernel;
        Template = definition.TemplateFormat == PromptTemplateFormats.Handlebars
            ? new HandlebarsPromptTemplate(definition, lineOffset)
            : new SkPromptTemplate(definition, lineOffset);
        InputVariables = definition.InputVariablesDeclared
            ? definition.InputVariables
            : Template.Variables.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(name => new PromptInputVariable { Name = name }).ToArray();
        JsonSchema = BuildSchema(InputVariables);
        _properties = new Dictionary<string, object?>
        {
            [FunctionTraits.PropertyKey] = new FunctionTraits { ReadOnly = false, OpenWorld = true, Idempotent = false, LongRunning = true },
            [AIPlugin.PluginNameKey] = pluginName,
        };
    }

    /// <summary>The prompt as read from its file.</summary>
    public PromptDefinition Definition { get; }

    /// <summary>The plugin this function belongs to.</summary>
    public string PluginName { get; }

    /// <summary>The input variables: the declared ones, or those the template uses when none are declared.</summary>
    public IReadOnlyList<PromptInputVariable> InputVariables { get; }

    /// <summary>The prompt file this function came from, when it came from a file.</summary>
    public string? SourcePath => Definition.SourcePath;

    /// <inheritdoc />
    public IReadOnlyList<PromptParameter> Parameters => InputVariables
        .Select(v => new PromptParameter(v.Name, v.Description, v.MustBeSupplied, v.Default))
        .ToArray();

    /// <inheritdoc />
    public override string Name => Definition.Name;

    /// <inheritdoc />
    public override string Description => Definition.Description ?? string.Empty;

    /// <inheritdoc />
    public override JsonElement JsonSchema { get; }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> AdditionalProperties => _properties;

    internal IPromptTemplate Template { get; }

    /// <summary>Renders the prompt into chat messages (for MCP <c>prompts/get</c>, or to send elsewhere).</summary>
    /// <exception cref="FunctionException">A required variable is missing, or a function the template calls failed.</exception>
    public async ValueTask<IReadOnlyList<ChatMessage>> RenderMessagesAsync(AIFunctionArguments arguments, CancellationToken cancellationToken = default) =>
        ChatPromptParser.Parse(await RenderAsync(arguments, cancellationToken).ConfigureAwait(false));

    /// <summary>Renders the template to text, message tags included.</summary>
    /// <exception cref="FunctionException">A required variable is missing, or a function the template calls failed.</exception>
    public ValueTask<string> RenderAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = new TemplateRenderContext(_kernel, PluginName, ResolveVariables(arguments), arguments, cancellationToken);
        return Template.RenderAsync(context);
    }

    /// <summary>The chat options the prompt's execution settings ask for (<c>default</c>, else the first entry).</summary>
    public ChatOptions CreateChatOptions() => ChatOptionsMapper.Create(ChatOptionsMapper.Select(Definition.ExecutionSettings));

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var messages = await RenderMessagesAsync(arguments, cancellationToken).ConfigureAwait(false);
        var client = _kernel.GetChatClient(arguments);
        var batcher = new TextDeltaBatcher(FunctionContext.GetProgress(arguments));
        var answer = new StringBuilder();
        await foreach (var update in client.GetStreamingResponseAsync(messages, CreateChatOptions(), cancellationToken).ConfigureAwait(false))
        {
            var text = update.Text;
            if (string.IsNullOrEmpty(text))
                continue;
            answer.Append(text);
            batcher.Add(text);
        }
        batcher.Flush();
        return answer.ToString();
    }

    private Dictionary<string, object?> ResolveVariables(AIFunctionArguments arguments)
    {
        var variables = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in arguments)
            variables[name] = value;
        foreach (var variable in InputVariables)
        {
            if (variables.TryGetValue(variable.Name, out var value) && value is not null && value is not JsonElement { ValueKind: JsonValueKind.Null })
                continue;
            if (variable.Default is not null)
                variables[variable.Name] = variable.Default;
            else if (variable.IsRequired)
                throw FunctionException.InvalidArgument(variable.Name, $"'{Name}' needs a value for '{variable.Name}'" +
                    (string.IsNullOrEmpty(variable.Description) ? "." : $" ({variable.Description})."));
        }
        return variables;
    }

    private static JsonElement BuildSchema(IReadOnlyList<PromptInputVariable> variables)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var variable in variables)
        {
            var schema = variable.JsonSchema is { } text && JsonNode.Parse(text) is JsonObject custom ? custom : new JsonObject { ["type"] = "string" };
            if (!string.IsNullOrEmpty(variable.Description) && !schema.ContainsKey("description"))
                schema["description"] = variable.Description;
            if (variable.Default is not null && !schema.ContainsKey("default"))
                schema["default"] = variable.Default;
            properties[variable.Name] = schema;
            if (variable.MustBeSupplied)
                required.Add(variable.Name);
        }
        var root = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
            root["required"] = required;
        return JsonSerializer.SerializeToElement(root);
    }
}
