using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge;

/// <summary>One kernel function offered as an MCP tool. Calls run through the kernel, so its filters apply.</summary>
internal sealed class KernelFunctionTool : McpServerTool
{
    private readonly KernelHost _host;
    private readonly ILogger _logger;
    private readonly ToolSchema _schema;

    public KernelFunctionTool(KernelHost host, NamedTool tool, ILogger logger)
    {
        _host = host;
        _logger = logger;
        Source = tool;
        _schema = ToolSchema.Of(tool.Function);
        var traits = tool.Function.GetTraits(tool.Plugin);
        ProtocolTool = new Tool
        {
            Name = tool.ToolName,
            Title = traits.Title,
            Description = tool.Function.Description,
            InputSchema = _schema.InputSchema,
            OutputSchema = _schema.OutputSchema,
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
        McpProgressReporter? progress = request.Params?.ProgressToken is { } token ? new McpProgressReporter(request.Server, token, cancellationToken) : null;
        try
        {
            var arguments = _schema.ToArguments(request.Params?.Arguments?.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value)) ?? []);
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
        finally
        {
            // Every progress notification goes out before the result does.
            if (progress is not null)
                await progress.DisposeAsync().ConfigureAwait(false);
        }
    }
}
