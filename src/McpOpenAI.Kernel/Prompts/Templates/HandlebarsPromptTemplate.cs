using System.Globalization;
using System.Net;
using System.Text.Json;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>
/// A <c>template_format: handlebars</c> template rendered by Handlebars.Net, with every kernel function as a helper named
/// <c>Plugin-function</c> (hash and positional arguments; called through the kernel, so its filters apply) and Semantic
/// Kernel's system helpers (<c>message</c>, <c>set</c>, <c>json</c>, <c>concat</c>, <c>equals</c>, …). Encoding matches
/// Semantic Kernel's: string variables are HTML-encoded unless the prompt or the variable allows dangerous content,
/// function results unless the prompt does; Handlebars' own escaping is off so nothing is encoded twice.
/// </summary>
internal sealed class HandlebarsPromptTemplate : IPromptTemplate
{
    private readonly PromptTemplateConfig _config;
    private readonly HashSet<string> _trustedVariables;

    /// <remarks>Its factory has checked that the template compiles (<see cref="HandlebarsTemplateScanner.Scan"/>).</remarks>
    public HandlebarsPromptTemplate(PromptTemplateConfig config)
    {
        _config = config;
        _trustedVariables = config.InputVariables.Where(v => v.AllowDangerouslySetContent)
            .Select(v => v.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public Task<string> RenderAsync(Microsoft.SemanticKernel.Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default)
    {
        // Encoded strings are new instances; remembering them lets a helper hand the original to a function.
        var originals = new Dictionary<object, object?>(ReferenceEqualityComparer.Instance);
        var variables = new Dictionary<string, object?>(arguments ?? [], StringComparer.OrdinalIgnoreCase);
        var model = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables)
            model[name] = Prepare(value, _config.AllowDangerouslySetContent || _trustedVariables.Contains(name), originals);

        var engine = CreateEngine();
        HandlebarsSystemHelpers.Register(engine, variables, model, value => Original(value, variables, originals));
        foreach (var plugin in kernel.Plugins)
        {
            foreach (var function in plugin)
                RegisterFunction(engine, kernel, plugin.Name, function, variables, originals, cancellationToken);
        }

        return Task.FromResult(engine.Compile(_config.Template)(model).Trim());
    }

    private void RegisterFunction(IHandlebars engine, Microsoft.SemanticKernel.Kernel kernel, string pluginName, KernelFunction function,
        Dictionary<string, object?> variables, Dictionary<object, object?> originals, CancellationToken cancellationToken)
    {
        var prefix = function.Name + "-";
        engine.RegisterHelper($"{pluginName}-{function.Name}", (Context _, Arguments given) =>
        {
            // As in Semantic Kernel, the function sees the template's variables, then its own arguments.
            var arguments = new KernelArguments(variables);
            var parameters = function.Metadata.Parameters;
            var position = 0;
            for (var i = 0; i < given.Length; i++)
            {
                if (given[i] is HashParameterDictionary hash)
                {
                    foreach (var (key, value) in hash)
                        arguments[key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key] = Original(value, variables, originals);
                }
                else if (position < parameters.Count)
                {
                    arguments[parameters[position++].Name] = Original(given[i], variables, originals);
                }
                else
                {
                    throw new HandlebarsRuntimeException($"'{pluginName}-{function.Name}' takes {parameters.Count} argument(s) but the prompt passes more.");
                }
            }
            // Handlebars helpers are synchronous; Semantic Kernel blocks here the same way.
            var result = function.InvokeAsync(kernel, arguments, cancellationToken).GetAwaiter().GetResult();
            var text = ToText(result.GetValue<object>());
            return text is null || _config.AllowDangerouslySetContent ? text : WebUtility.HtmlEncode(text);
        });
    }

    private static IHandlebars CreateEngine() => Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });

    private static object? Original(object? value, IReadOnlyDictionary<string, object?> variables, Dictionary<object, object?> originals) => value switch
    {
        null => null,
        UndefinedBindingResult undefined => variables.GetValueOrDefault(undefined.Value),
        _ when originals.TryGetValue(value, out var original) => original,
        _ => value,
    };

    // A function's result as text: strings as they are, a model's answer as its text, anything else as JSON.
    private static string? ToText(object? value) => value switch
    {
        null => null,
        string text => text,
        Microsoft.Extensions.AI.ChatResponse response => response.Text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonElement element => element.GetRawText(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        bool or char => value.ToString(),
        _ => KernelJson.Serialize(value),
    };

    // Handlebars.Net cannot walk JsonElement, so JSON becomes lists and dictionaries; strings are encoded deeply.
    private static object? Prepare(object? value, bool trusted, Dictionary<object, object?> originals)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                if (trusted)
                    return text;
                var encoded = WebUtility.HtmlEncode(text);
                if (!ReferenceEquals(encoded, text))
                    originals[encoded] = text;
                return encoded;
            case JsonElement element:
                var plain = FromJson(element);
                var prepared = Prepare(plain, trusted, originals);
                if (prepared is not null && !ReferenceEquals(prepared, plain))
                    originals[prepared] = value;
                return prepared;
            case IDictionary<string, object?> map:
                return map.ToDictionary(p => p.Key, p => Prepare(p.Value, trusted, originals), StringComparer.OrdinalIgnoreCase);
            case IEnumerable<object?> items:
                return items.Select(i => Prepare(i, trusted, originals)).ToList();
            case bool or char or Enum or IFormattable:
                return value;
            default:
                return trusted ? value : Prepare(KernelJson.SerializeToElement(value), trusted, originals);
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.OrdinalIgnoreCase),
        _ => null,
    };
}
