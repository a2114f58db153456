using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// Offers an agent's tools to the model under their MCP tool names and schemas (<c>run_query</c>, snake_case
/// arguments) while Semantic Kernel's function calling above it knows them by their plugin-qualified names
/// (<c>Database_run_query</c>): tool declarations and the calls in the history go down renamed, the calls the model
/// makes come back renamed. A call of a name the agent does not have is left as it is, for function calling to answer.
/// </summary>
internal sealed class ToolNamesChatClient : DelegatingChatClient
{
    private readonly IReadOnlyList<AgentTool> _tools;
    private readonly Dictionary<string, string> _toModel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _toKernel = new(StringComparer.Ordinal);

    public ToolNamesChatClient(IChatClient inner, IReadOnlyList<AgentTool> tools)
        : base(inner)
    {
        _tools = tools;
        foreach (var tool in tools)
        {
            _toModel.TryAdd(tool.KernelName, tool.ToolName);
            _toKernel.TryAdd(tool.ToolName, tool.KernelName);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(messages.Select(ToModel), ToModel(options), cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < update.Contents.Count; i++)
            {
                if (update.Contents[i] is FunctionCallContent call && _toKernel.TryGetValue(call.Name, out var name))
                    update.Contents[i] = Renamed(call, name);
            }
            yield return update;
        }
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    // The kernel's chat client serves the whole application; a run's pipeline must not dispose it.
    protected override void Dispose(bool disposing)
    {
    }

    private ChatOptions? ToModel(ChatOptions? options)
    {
        if (options?.Tools is not { Count: > 0 } tools)
            return options;
        var copy = options.Clone();
        copy.Tools = [.. tools.Select(t => _tools.FirstOrDefault(a => a.KernelName == t.Name) is { } tool
            ? AIFunctionFactory.CreateDeclaration(tool.ToolName, tool.Function.Description, tool.Schema.InputSchema)
            : t)];
        return copy;
    }

    private ChatMessage ToModel(ChatMessage message)
    {
        if (!message.Contents.Any(c => c is FunctionCallContent call && _toModel.ContainsKey(call.Name)))
            return message;
        var copy = message.Clone();
        copy.Contents = [.. message.Contents.Select(c => c is FunctionCallContent call && _toModel.TryGetValue(call.Name, out var name) ? Renamed(call, name) : c)];
        return copy;
    }

    private static FunctionCallContent Renamed(FunctionCallContent call, string name) => new(call.CallId, name, call.Arguments)
    {
        Exception = call.Exception,
        InformationalOnly = call.InformationalOnly,
        RawRepresentation = call.RawRepresentation,
        AdditionalProperties = call.AdditionalProperties,
    };
}
