using System.Text.Json;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;
using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>
/// A <c>template_format: handlebars</c> template rendered by Handlebars.Net, with every kernel function as a
/// helper named <c>Plugin-function</c> (hash and positional arguments) and Semantic Kernel's system helpers
/// (<c>message</c>, <c>set</c>, <c>json</c>, <c>concat</c>, <c>equals</c>, …). Encoding matches Semantic Kernel's
/// net result: string variables are HTML-encoded unless the prompt or the variable allows dangerous content,
/// function results unless the prompt does; Handlebars' own escaping is off so nothing is encoded twice.
/// </summary>
internal sealed partial class HandlebarsPromptTemplate : IPromptTemplate
{
    private readonly PromptDefinition _definition;
    private readonly HashSet<string> _trustedVariables;

    public HandlebarsPromptTemplate(PromptDefinition definition, int lineOffset = 0)
    {
        _definition = definition;
        _trustedVariables = definition.InputVariables.Where(v => v.AllowDangerouslySetContent)
            .Select(v => v.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        try
        {
            CreateEngine().Compile(definition.Template);
        }
        catch (HandlebarsException ex)
        {
            var position = PositionRegex().Match(ex.Message);
            var message = PositionRegex().Replace(ex.Message, string.Empty).Trim();
            throw position.Success
                ? new PromptFileException($"Handlebars: {message}", int.Parse(position.Groups[1].Value) + lineOffset, int.Parse(position.Groups[2].Value), ex)
                : new PromptFileException($"Handlebars: {message}", null, null, ex);
        }
        (Variables, Functions) = HandlebarsTemplateScanner.Scan(definition.Template, lineOffset);
    }

    public IReadOnlyList<TemplateVariableReference> Variables { get; }

    public IReadOnlyList<TemplateFunctionReference> Functions { get; }

    public ValueTask<string> RenderAsync(TemplateRenderContext context)
    {
        // Encoded strings are new instances; remembering them lets a helper hand the original to a function.
        var originals = new Dictionary<object, object?>(ReferenceEqualityComparer.Instance);
        var variables = new Dictionary<string, object?>(context.Variables, StringComparer.OrdinalIgnoreCase);
        var model = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables)
            model[name] = Prepare(value, _definition.AllowDangerouslySetContent || _trustedVariables.Contains(name), originals);

        var engine = CreateEngine();
        var renderContext = context with { Variables = variables };
        HandlebarsSystemHelpers.Register(engine, variables, model, value => Original(value, variables, originals));
        foreach (var plugin in context.Kernel.Plugins.Snapshot)
        {
            foreach (var function in plugin.Functions)
                RegisterFunction(engine, renderContext, plugin, function.Name, variables, originals);
        }

        var text = engine.Compile(_definition.Template)(model);
        return ValueTask.FromResult(text.Trim());
    }

    private void RegisterFunction(IHandlebars engine, TemplateRenderContext context, AIPlugin plugin, string functionName,
        Dictionary<string, object?> variables, Dictionary<object, object?> originals)
    {
        var prefix = functionName + "-";
        engine.RegisterHelper($"{plugin.Name}-{functionName}", (Context _, Arguments arguments) =>
        {
            var positional = new List<object?>();
            var named = new List<KeyValuePair<string, object?>>();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i] is HashParameterDictionary hash)
                {
                    foreach (var (key, value) in hash)
                    {
                        var name = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key;
                        named.Add(new(name, Original(value, variables, originals)));
                    }
                }
                else
                {
                    positional.Add(Original(arguments[i], variables, originals));
                }
            }
            // Handlebars helpers are synchronous; Semantic Kernel blocks here the same way.
            var result = TemplateFunctionInvoker.InvokeAsync(context, plugin.Name, functionName, positional, named)
                .AsTask().GetAwaiter().GetResult();
            return result is null || _definition.AllowDangerouslySetContent ? result : TemplateValues.Encode(result);
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
                var encoded = TemplateValues.Encode(text);
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
                return trusted ? value : Prepare(JsonSerializer.SerializeToElement(value, KernelJson.Options), trusted, originals);
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

    [GeneratedRegex(@"\s*Occured at:\s*(\d+):(\d+)\s*")]
    private static partial Regex PositionRegex();
}
