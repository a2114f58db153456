using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>Turns a plain class into an <see cref="AIPlugin"/> through <see cref="AIFunctionFactory"/>.</summary>
internal static class PluginFactory
{
    public static AIPlugin Create(object target, string? name)
    {
        var type = target.GetType();
        name ??= Naming.DefaultPluginName(type);
        var functions = FunctionsOf(target, name);
        if (functions.Count == 0)
            throw new ArgumentException($"Type {type.Name} has no public method with a [Description]; it cannot be a plugin.", nameof(target));
        return new AIPlugin(name, type.GetCustomAttribute<DescriptionAttribute>()?.Description, functions, type.FullName);
    }

    public static AIPlugin Compose(string name, string? description, IEnumerable<object> targets)
    {
        var parts = targets.ToArray();
        var functions = parts.SelectMany(t => FunctionsOf(t, name)).ToArray();
        if (functions.Length == 0)
            throw new ArgumentException($"Plugin '{name}' has no public method with a [Description] in any of its parts.", nameof(targets));
        return new AIPlugin(name, description, functions, string.Join(", ", parts.Select(p => p.GetType().FullName)));
    }

    private static List<AIFunction> FunctionsOf(object target, string pluginName)
    {
        var functions = new List<AIFunction>();
        foreach (var method in target.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (method.DeclaringType == typeof(object) || method.IsSpecialName)
                continue;
            if (method.GetCustomAttribute<DescriptionAttribute>() is not { } description)
                continue;
            functions.Add(CreateFunction(method, method.IsStatic ? null : target, pluginName, description.Description));
        }
        return functions;
    }

    private static AIFunction CreateFunction(MethodInfo method, object? target, string pluginName, string description)
    {
        var traitsAttribute = method.GetCustomAttribute<FunctionTraitsAttribute>();
        var functionName = traitsAttribute?.Name ?? Naming.ToSnakeCase(method.Name);
        if (!Naming.IsValidFunctionName(functionName))
            throw new ArgumentException($"Function name '{functionName}' on {method.DeclaringType?.Name} is invalid.");

        var properties = new Dictionary<string, object?>
        {
            [FunctionTraits.PropertyKey] = traitsAttribute?.ToTraits() ?? new FunctionTraits(),
            [AIPlugin.PluginNameKey] = pluginName,
        };
        var inner = AIFunctionFactory.Create(method, target, new AIFunctionFactoryOptions
        {
            Name = functionName,
            Description = description,
            SerializerOptions = KernelJson.Options,
            ConfigureParameterBinding = BindHostParameters,
            MarshalResult = static (result, _, _) => new ValueTask<object?>(result),
            AdditionalProperties = properties,
        });
        return new SnakeCaseParametersFunction(inner, properties);
    }

    // Parameters the host supplies (never the caller): progress reporting and asking the user.
    private static AIFunctionFactoryOptions.ParameterBindingOptions BindHostParameters(ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(IProgress<FunctionProgress>))
        {
            return new()
            {
                ExcludeFromSchema = true,
                BindParameter = static (_, args) => FunctionContext.GetProgress(args),
            };
        }
        if (parameter.ParameterType == typeof(IUserInput))
        {
            return new()
            {
                ExcludeFromSchema = true,
                BindParameter = static (_, args) => FunctionContext.GetUserInput(args),
            };
        }
        return default;
    }
}
