using System.Text.Json;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Invocation;

/// <summary>An <see cref="AIFunction"/> that calls a kernel function through the kernel's filter pipeline.</summary>
internal sealed class KernelBoundFunction : DelegatingAIFunction
{
    private readonly PluginKernel _kernel;
    private readonly AIPlugin _plugin;
    private readonly InvocationOptions _options;

    public KernelBoundFunction(PluginKernel kernel, AIPlugin plugin, AIFunction function, string name, InvocationOptions options)
        : base(function)
    {
        _kernel = kernel;
        _plugin = plugin;
        _options = options;
        Name = name;
    }

    public override string Name { get; }

    public override JsonElement JsonSchema => InnerFunction.JsonSchema;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
        _kernel.InvokeAsync(_plugin, InnerFunction, arguments, _options, cancellationToken);
}
