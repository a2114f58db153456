using System.Text.Json;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Server.Jobs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge;

/// <summary>
/// One kernel function offered as an MCP tool. Calls go through the kernel's filter pipeline. A function that declares
/// itself long-running (<see cref="FunctionTraits.LongRunning"/>) runs as a job when the bridge hands it a <see cref="JobLauncher"/>: it
/// takes a <c>wait_seconds</c> the function never sees, and answers with a job status when the wait runs out.
/// </summary>
internal sealed class KernelFunctionTool : McpServerTool
{
    private readonly PluginKernel _kernel;
    private readonly ILogger _logger;
    private readonly JobLauncher? _jobs;

    public KernelFunctionTool(PluginKernel kernel, NamedTool tool, ILogger logger, JobLauncher? jobs = null)
    {
        _kernel = kernel;
        _logger = logger;
        Source = tool;
        var traits = tool.Function.GetTraits();
        var inputSchema = tool.Function.JsonSchema;
        var outputSchema = OutputSchemaOf(tool.Function);
        if (traits.LongRunning == true && jobs is not null && JobSchemas.WithWait(inputSchema, jobs.DefaultWaitSeconds) is { } withWait)
        {
            _jobs = jobs;
            inputSchema = withWait;
            outputSchema = JobSchemas.OrStatus(outputSchema);
        }
        ProtocolTool = new Tool
        {
            Name = tool.ToolName,
            Title = traits.Title,
            Description = tool.Function.Description,
            InputSchema = inputSchema,
            OutputSchema = outputSchema,
            Annotations = new ToolAnnotations
            {
                Title = traits.Title,
                ReadOnlyHint = traits.ReadOnly,
                DestructiveHint = traits.Destructive,
                IdempotentHint = traits.Idempotent,
                OpenWorldHint = traits.OpenWorld,
            },
        };
    }

    /// <summary>The kernel function behind the tool.</summary>
    public NamedTool Source { get; }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var arguments = new AIFunctionArguments();
        if (request.Params?.Arguments is { } given)
        {
            foreach (var (name, value) in given)
            {
                if (_jobs is null || name != WaitSeconds.Name)
                    arguments[name] = value;
            }
        }

        var caller = request.Server.ClientCapabilities;
#pragma warning disable MCP9005 // Sampling is deprecated in the newest MCP revision but is what today's clients offer.
        if (caller?.Sampling is not null)
            FunctionContext.SetCallerChatClient(arguments, request.Server.AsSamplingChatClient());
#pragma warning restore MCP9005
        if (McpUserInput.IsSupportedBy(caller))
            FunctionContext.SetUserInput(arguments, new McpUserInput(request.Server));

        if (_jobs is not null)
        {
            int wait;
            try
            {
                wait = WaitSeconds.Read(request.Params?.Arguments, _jobs.DefaultWaitSeconds);
            }
            catch (Kernel.Errors.FunctionException ex)
            {
                return ToolErrors.ToResult(ex);
            }
            return await _jobs.RunAsync(request, ProtocolTool.Name, wait, (progress, token) => CallAsync(arguments, progress, request, token), cancellationToken)
                .ConfigureAwait(false);
        }

        var progress = request.Params?.ProgressToken is { } progressToken ? new McpProgressReporter(request.Server, progressToken, cancellationToken) : null;
        try
        {
            return await CallAsync(arguments, progress, request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Every progress notification goes out before the result does.
            if (progress is not null)
                await progress.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<CallToolResult> CallAsync(AIFunctionArguments arguments, IProgress<FunctionProgress>? progress, RequestContext<CallToolRequestParams> request,
        CancellationToken cancellationToken)
    {
        if (progress is not null)
            FunctionContext.SetProgress(arguments, progress);
        try
        {
            var value = await _kernel.InvokeAsync(Source.Plugin, Source.Function, arguments,
                new InvocationOptions { Source = InvocationSource.Mcp, CallerId = request.Server.SessionId }, cancellationToken).ConfigureAwait(false);
            return ToolResults.From(value, ProtocolTool.OutputSchema is not null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var error = ToolErrors.Classify(ex);
            if (error.Code == Kernel.Errors.ErrorCodes.Internal)
                _logger.LogError(ex, "Tool {Tool} failed", ProtocolTool.Name);
            else
                _logger.LogInformation("Tool {Tool} returned {Code}: {Message}", ProtocolTool.Name, error.Code, error.Message);
            return ToolErrors.ToResult(error);
        }
    }

    // MCP structured content needs an object schema; functions returning text or rich content declare none.
    // The schema follows the serializer's rule (a property that may be null is optional), so every result validates.
    private static JsonElement? OutputSchemaOf(AIFunction function)
    {
        var returnType = function.UnderlyingMethod?.ReturnType;
        if (returnType is { IsGenericType: true } && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            returnType = returnType.GetGenericArguments()[0];
        if (returnType == typeof(FunctionOutput) || typeof(AIContent).IsAssignableFrom(returnType))
            return null;
        return function.ReturnJsonSchema is { ValueKind: JsonValueKind.Object } schema
            && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "object"
            ? KernelJson.ResultSchema(schema)
            : null;
    }
}
