using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Kernel;

/// <summary>
/// Holds plugins and services and invokes every function through one ordered filter pipeline.
/// Hosts (the MCP bridge, the agent loop, the command line, templates) all call through here.
/// </summary>
public sealed class PluginKernel
{
    /// <summary>Creates a kernel.</summary>
    /// <param name="services">Services for functions and filters; may be empty.</param>
    /// <param name="filters">The invocation filters, outermost first.</param>
    public PluginKernel(IServiceProvider? services = null, IEnumerable<IFunctionInvocationFilter>? filters = null)
    {
        Services = services ?? EmptyServiceProvider.Instance;
        Filters = filters?.ToList() ?? [];
    }

    /// <summary>Services available to functions (passed in <see cref="AIFunctionArguments.Services"/>).</summary>
    public IServiceProvider Services { get; }

    /// <summary>The plugins; changes raise <see cref="PluginCollection.Changed"/>.</summary>
    public PluginCollection Plugins { get; } = new();

    /// <summary>The invocation filters, outermost first.</summary>
    public IList<IFunctionInvocationFilter> Filters { get; }

    /// <summary>Finds a function by plugin and function name (case-insensitive).</summary>
    public bool TryGetFunction(string pluginName, string functionName, out AIPlugin plugin, out AIFunction function)
    {
        function = null!;
        return Plugins.TryGet(pluginName, out plugin) && plugin.TryGetFunction(functionName, out function);
    }

    /// <summary>Finds a function by <c>Plugin.function</c> or <c>Plugin-function</c>.</summary>
    public bool TryGetFunction(string qualifiedName, out AIPlugin plugin, out AIFunction function)
    {
        var separator = qualifiedName.IndexOfAny(['.', '-']);
        if (separator > 0)
            return TryGetFunction(qualifiedName[..separator], qualifiedName[(separator + 1)..], out plugin, out function);
        plugin = null!;
        function = null!;
        return false;
    }

    /// <summary>Invokes a function through the filter pipeline.</summary>
    /// <exception cref="FunctionException">The function does not exist, or it reported a user error.</exception>
    public ValueTask<object?> InvokeAsync(string pluginName, string functionName, AIFunctionArguments? arguments = null, InvocationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!TryGetFunction(pluginName, functionName, out var plugin, out var function))
        {
            throw new FunctionException(ErrorCodes.NotFound, $"There is no function '{pluginName}.{functionName}'.",
                ["List the functions with 'mcp-openai list' or the MCP tools/list request."]);
        }
        return InvokeAsync(plugin, function, arguments, options, cancellationToken);
    }

    /// <summary>Invokes a known function of a known plugin through the filter pipeline.</summary>
    public ValueTask<object?> InvokeAsync(AIPlugin plugin, AIFunction function, AIFunctionArguments? arguments = null, InvocationOptions? options = null, CancellationToken cancellationToken = default)
    {
        arguments ??= new AIFunctionArguments();
        arguments.Services ??= Services;
        options ??= InvocationOptions.Default;
        var context = new Invocation.FunctionInvocationContext(this, plugin, function, arguments, options.Source, cancellationToken)
        {
            CallerId = options.CallerId,
        };
        var filters = Filters.ToArray();
        return Next(0)(context);

        FunctionInvocationDelegate Next(int index) => index < filters.Length
            ? ctx => filters[index].InvokeAsync(ctx, Next(index + 1))
            : static ctx => ctx.Function.InvokeAsync(ctx.Arguments, ctx.CancellationToken);
    }

    /// <summary>
    /// The chat client for a call: the configured one (OpenAI), else the caller's own (MCP sampling).
    /// </summary>
    /// <exception cref="FunctionException">Neither is available.</exception>
    public IChatClient GetChatClient(AIFunctionArguments? arguments = null) =>
        Services.GetService<IChatClientProvider>()?.GetChatClient()
        ?? FunctionContext.GetCallerChatClient(arguments)
        ?? throw new FunctionException(ErrorCodes.NotConfigured,
            "No OpenAI API key is configured, and the client did not offer its own model (MCP sampling).",
            [
                "Set the OPENAI_API_KEY environment variable (in your MCP client's server config 'env' block) and restart the server.",
                "Or store it once with: dotnet user-secrets set OpenAI:ApiKey <key> --project src/McpOpenAI.Server",
                "Or use an MCP client that supports sampling.",
            ]);

    /// <summary>
    /// The functions of the given plugins (all when none are named) as <see cref="AIFunction"/>s that call
    /// through this kernel's filter pipeline, named <c>{plugin}_{function}</c> where function names collide.
    /// Use them as <c>ChatOptions.Tools</c> in any Microsoft.Extensions.AI app.
    /// </summary>
    public IReadOnlyList<AIFunction> GetKernelFunctions(IEnumerable<string>? pluginNames = null, InvocationOptions? options = null)
    {
        var wanted = pluginNames?.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ToolNaming.Assign(Plugins.Snapshot)
            .Where(t => wanted is null || wanted.Contains(t.Plugin.Name))
            .Select(t => (AIFunction)new KernelBoundFunction(this, t.Plugin, t.Function, t.ToolName, options ?? InvocationOptions.Default))
            .ToArray();
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
