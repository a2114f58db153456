using McpOpenAI.Kernel;
using McpOpenAI.Server.Tests.Infrastructure;
using ModelContextProtocol.Client;

namespace McpOpenAI.Server.Tests.Bridge;

/// <summary>
/// A NativeAOT build serializes only what source-generated metadata covers. Every type a served function takes or returns
/// must be in it: <see cref="KernelJson.SourceGeneratedOptions"/> is what such a build has.
/// </summary>
public sealed class SourceGeneratedJsonTests
{
    [Fact]
    public async Task EveryServedFunction_TakesAndReturnsTypesWithSourceGeneratedMetadata()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InProcessServer.StartAsync(cancellationToken: ct);
        await server.Client.ListToolsAsync(cancellationToken: ct);

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var checkedTypes = 0;
        foreach (var plugin in server.Kernel.Plugins)
        {
            foreach (var function in plugin)
            {
                var types = function.Metadata.Parameters.Select(p => p.ParameterType).Append(function.Metadata.ReturnParameter.ParameterType);
                foreach (var type in types.OfType<Type>().Select(Unwrap).OfType<Type>())
                {
                    checkedTypes++;
                    if (!KernelJson.SourceGeneratedOptions.TryGetTypeInfo(type, out _))
                        missing.Add($"{plugin.Name}.{function.Name}: {type}");
                }
            }
        }

        Assert.True(checkedTypes > 50, $"Only {checkedTypes} types were checked.");
        Assert.Empty(missing);
    }

    private static Type? Unwrap(Type type)
    {
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            return type.GetGenericArguments()[0];
        return type == typeof(Task) || type == typeof(ValueTask) || type == typeof(void) ? null : type;
    }
}
