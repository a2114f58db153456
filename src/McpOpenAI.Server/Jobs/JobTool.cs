using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Server.Bridge;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Jobs;

/// <summary>A tool the bridge itself offers to manage jobs; bad input and failures become tool errors.</summary>
internal abstract class JobTool(JobRegistry registry, ILogger logger, Tool protocolTool) : McpServerTool
{
    protected JobRegistry Registry => registry;

    public override Tool ProtocolTool => protocolTool;

    public override IReadOnlyList<object> Metadata => [];

    public sealed override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await RunAsync(request, request.Params?.Arguments ?? new Dictionary<string, JsonElement>(), JobOwner.Current, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var error = ToolErrors.Classify(ex);
            if (error.Code == ErrorCodes.Internal)
                logger.LogError(ex, "Tool {Tool} failed", ProtocolTool.Name);
            return ToolErrors.ToResult(error);
        }
    }

    /// <summary>Answers the call for <paramref name="owner"/>.</summary>
    protected abstract ValueTask<CallToolResult> RunAsync(RequestContext<CallToolRequestParams> request, IDictionary<string, JsonElement> arguments,
        string owner, CancellationToken cancellationToken);

    /// <summary>The well-formed job id among the arguments, or a clear error.</summary>
    protected static string JobArgument(IDictionary<string, JsonElement> arguments)
    {
        if (!arguments.TryGetValue(JobId.Argument, out var value) || value.ValueKind == JsonValueKind.Null)
            return JobId.Parse(null);
        return value.ValueKind == JsonValueKind.String ? JobId.Parse(value.GetString()) : throw JobErrors.NotText(JobId.Argument);
    }

    /// <summary>The MCP description of a job tool.</summary>
    protected static Tool Describe(string name, string title, string description, JsonElement input, JsonElement? output, bool readOnly, bool destructive, bool idempotent) => new()
    {
        Name = name,
        Title = title,
        Description = description,
        InputSchema = input,
        OutputSchema = output,
        Annotations = new ToolAnnotations
        {
            Title = title,
            ReadOnlyHint = readOnly,
            DestructiveHint = destructive,
            IdempotentHint = idempotent,
            OpenWorldHint = false,
        },
    };
}
