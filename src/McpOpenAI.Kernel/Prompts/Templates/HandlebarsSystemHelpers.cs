using System.Globalization;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>The helpers Semantic Kernel gives every handlebars prompt: message, set, json, concat, array, raw, range, or, add, subtract, equals.</summary>
internal static class HandlebarsSystemHelpers
{
    public static void Register(IHandlebars engine, Dictionary<string, object?> variables, Dictionary<string, object?> model, Func<object?, object?> original)
    {
        engine.RegisterHelper("message", (EncodedTextWriter writer, BlockHelperOptions options, Context context, Arguments arguments) =>
        {
            if (arguments.Hash.TryGetValue("role", out var role) is false || role is null)
                throw new HandlebarsRuntimeException("The message helper needs a role, e.g. {{#message role=\"user\"}}.");
            writer.Write($"<message role=\"{role}\">", false);
            options.Template(writer, context);
            writer.Write("</message>", false);
        });

        engine.RegisterHelper("set", (EncodedTextWriter _, Context _, Arguments arguments) =>
        {
            string name;
            object? value;
            if (arguments.Length > 0 && arguments[0] is HashParameterDictionary hash)
            {
                name = hash["name"]?.ToString() ?? string.Empty;
                value = hash.TryGetValue("value", out var v) ? v : null;
            }
            else
            {
                name = arguments[0]?.ToString() ?? string.Empty;
                value = arguments.Length > 1 ? arguments[1] : null;
            }
            model[name] = value;
            variables[name] = original(value);
        });

        engine.RegisterHelper("json", (Context _, Arguments arguments) =>
        {
            if (arguments.Length == 0)
                throw new HandlebarsRuntimeException("The json helper needs a value.");
            return Resolve(arguments[0]) is string text ? text : KernelJson.Serialize(Resolve(arguments[0]));
        });
        engine.RegisterHelper("concat", (Context _, Arguments arguments) => string.Concat(Values(arguments)));
        engine.RegisterHelper("array", (Context _, Arguments arguments) => Values(arguments).ToArray());
        engine.RegisterHelper("raw", (EncodedTextWriter writer, BlockHelperOptions options, Context context, Arguments _) => options.Template(writer, context));
        engine.RegisterHelper("range", (Context _, Arguments arguments) =>
        {
            var values = Values(arguments).ToArray();
            var start = Convert.ToInt32(values[0], CultureInfo.InvariantCulture);
            var end = Convert.ToInt32(values[1], CultureInfo.InvariantCulture);
            return Enumerable.Range(start, Math.Max(0, end - start + 1)).ToArray();
        });
        engine.RegisterHelper("or", (Context _, Arguments arguments) => Values(arguments).Any(v => v is bool b ? b : v is not null));
        engine.RegisterHelper("add", (Context _, Arguments arguments) => Values(arguments).Sum(Decimal));
        engine.RegisterHelper("subtract", (Context _, Arguments arguments) => Values(arguments).Select(Decimal).Aggregate((a, b) => a - b));
        engine.RegisterHelper("equals", (Context _, Arguments arguments) =>
        {
            if (arguments.Length < 2)
                return false;
            var values = Values(arguments).ToArray();
            return Equals(values[0], values[1]) || string.Equals(values[0]?.ToString(), values[1]?.ToString(), StringComparison.Ordinal);
        });

        object? Resolve(object? value) => value is UndefinedBindingResult undefined ? model.GetValueOrDefault(undefined.Value) : value;

        IEnumerable<object?> Values(Arguments arguments)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i] is not HashParameterDictionary)
                    yield return Resolve(arguments[i]);
            }
        }

        static decimal Decimal(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
    }
}
