using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Server.Jobs;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge;

/// <summary>
/// One kernel function offered as an MCP tool. Calls run through the kernel, so its filters apply. A function that
/// declares itself long-running (<see cref="FunctionTraits.LongRunning"/>) runs as a job when the bridge hands it a
/// <see cref="JobLauncher"/>: it takes a <c>wait_seconds</c> the function never sees, and answers with a job status
/// when the wait runs out.
/// </summary>
internal sealed class KernelFunctionTool : McpServerTool
{
    private readonly KernelHost _host;
    private readonly ILogger _logger;
    private readonly ToolSchema _schema;
    private readonly JobLauncher? _jobs;

    public KernelFunctionTool(KernelHost host, NamedTool tool, ILogger logger, JobLauncher? jobs = null)
    {
        _host = host;
        _logger = logger;
        Source = tool;
        _schema = ToolSchema.Of(tool.Function, tool.Plugin);
        var traits = tool.Function.GetTraits(tool.Plugin);
        var inputSchema = _schema.InputSchema;
        var outputSchema = _schema.OutputSchema;
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
        var given = (request.Params?.Arguments ?? new Dictionary<string, System.Text.Json.JsonElement>())
            .Where(a => _jobs is null || a.Key != WaitSeconds.Name)
            .Select(a => new KeyValuePair<string, object?>(a.Key, a.Value))
            .ToArray();
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
            return await _jobs.RunAsync(request, ProtocolTool.Name, wait, (progress, token) => CallAsync(given, progress, request, token), cancellationToken)
                .ConfigureAwait(false);
        }

        var progress = request.Params?.ProgressToken is { } progressToken ? new McpProgressReporter(request.Server, progressToken, cancellationToken) : null;
        try
        {
            return await CallAsync(given, progress, request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Every progress notification goes out before the result does.
            if (progress is not null)
                await progress.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<CallToolResult> CallAsync(IReadOnlyList<KeyValuePair<string, object?>> given, IProgress<FunctionProgress>? progress,
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        try
        {
            var arguments = _schema.ToArguments(given);
            using var call = CallContext.Begin(McpCallContext.For(request.Server, progress) with { ToolName = ProtocolTool.Name });
            var value = await KernelCalls.InvokeAsync(_host.Kernel, Source.Plugin, Source.Function, arguments, cancellationToken).ConfigureAwait(false);
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
}
