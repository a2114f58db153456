using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts.Templates;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// Makes a Semantic Kernel prompt function from a <see cref="PromptTemplateConfig"/> (with
/// <see cref="KernelFunctionFactory"/> and the <see cref="PromptFileTemplateFactory"/>), together with what makes it
/// an MCP prompt too: its arguments, its tool input schema, and how to render it into messages without calling a model.
/// </summary>
public static class PromptFunctionFactory
{
    /// <summary>How every prompt function behaves: it asks a model, so it reaches outside and its answers vary.</summary>
    public static FunctionTraits Traits { get; } = new() { ReadOnly = false, OpenWorld = true, Idempotent = false, LongRunning = true };

    /// <summary>Creates the function and its prompt descriptor; put both in a <see cref="PromptPlugin"/>.</summary>
    /// <param name="config">The prompt; creating its template adds the variables the template uses to its input variables.</param>
    /// <param name="templateFactory">The template factory; by default a <see cref="PromptFileTemplateFactory"/>.</param>
    /// <param name="loggerFactory">Receives Semantic Kernel's logs.</param>
    /// <exception cref="KernelException">The template's format is unknown or its syntax is wrong.</exception>
    public static (KernelFunction Function, PromptDescriptor Prompt) Create(PromptTemplateConfig config, IPromptTemplateFactory? templateFactory = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var template = (templateFactory ?? new PromptFileTemplateFactory(loggerFactory)).Create(config);
        var function = KernelFunctionFactory.CreateFromPrompt(template, config, KernelJson.Options, loggerFactory);
        var prompt = new PromptDescriptor(
            config.InputVariables.Select(v => new PromptParameter(v.Name, NullIfEmpty(v.Description), MustBeGiven(v), v.Default?.ToString())).ToArray(),
            async (kernel, arguments, cancellationToken) => ChatPromptParser.Parse(await template.RenderAsync(kernel, arguments, cancellationToken).ConfigureAwait(false)),
            Traits,
            StreamsText: true,
            InputSchema: InputSchema(config.InputVariables));
        return (function, prompt);
    }

    private static bool MustBeGiven(InputVariable variable) => variable.IsRequired && variable.Default is null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    // Each variable is text unless it declares a json_schema; described, with its default; required when it must be given.
    private static JsonElement InputSchema(IEnumerable<InputVariable> variables)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var variable in variables)
        {
            var schema = variable.JsonSchema is { } text && JsonNode.Parse(text) is JsonObject custom ? custom : new JsonObject { ["type"] = "string" };
            if (!string.IsNullOrEmpty(variable.Description) && !schema.ContainsKey("description"))
                schema["description"] = variable.Description;
            if (variable.Default?.ToString() is { } value && !schema.ContainsKey("default"))
                schema["default"] = value;
            properties[variable.Name] = schema;
            if (MustBeGiven(variable))
                required.Add((JsonNode)variable.Name);
        }
        var root = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
            root["required"] = required;
        return KernelJson.SerializeToElement<JsonNode>(root, KernelJson.PlainOptions);
    }
}
