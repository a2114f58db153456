using System.Text.Json;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Server.Bridge;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Features;

/// <summary>
/// <c>completion/complete</c>: suggests values for a prompt argument from its schema (enum values, the
/// default) that start with what the user typed. Resource template arguments get no suggestions yet.
/// </summary>
internal static class PromptCompletions
{
    private const int MaxValues = 100;

    public static ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> request, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        if (request.Params is { Ref: PromptReference prompt, Argument: { } argument }
            && request.Services?.GetService<McpBridge>() is { } bridge
            && bridge.TryGetPrompt(prompt.Name, out var served))
        {
            values.AddRange(Candidates(ToolSchema.Of(served.Source.Function, served.Source.Plugin).InputSchema, argument.Name)
                .Where(v => v.StartsWith(argument.Value ?? "", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal));
        }
        return ValueTask.FromResult(new CompleteResult
        {
            Completion = new Completion { Values = values.Take(MaxValues).ToList(), Total = values.Count, HasMore = values.Count > MaxValues },
        });
    }

    private static IEnumerable<string> Candidates(JsonElement schema, string argument)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties)
            || properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(argument, out var property)
            || property.ValueKind != JsonValueKind.Object)
            yield break;
        if (property.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array)
        {
            foreach (var option in options.EnumerateArray())
            {
                if (option.ValueKind == JsonValueKind.String)
                    yield return option.GetString()!;
            }
        }
        if (property.TryGetProperty("default", out var value) && value.ValueKind == JsonValueKind.String)
            yield return value.GetString()!;
    }
}
