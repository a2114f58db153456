using System.Text;
using Microsoft.Extensions.AI;
using Sdk = OpenAI.Chat;

namespace McpOpenAI.Kernel.Chat;

/// <summary>Collects streamed tool-call fragments (by index) into whole function calls.</summary>
internal sealed class OpenAIStreamingToolCalls
{
    private readonly SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)> _calls = [];

    public bool IsEmpty => _calls.Count == 0;

    public void Add(Sdk.StreamingChatToolCallUpdate update)
    {
        if (!_calls.TryGetValue(update.Index, out var call)) call = (null, null, new StringBuilder());
        call.Id ??= update.ToolCallId;
        call.Name ??= update.FunctionName;
        if (update.FunctionArgumentsUpdate is { } fragment && !fragment.IsEmpty) call.Arguments.Append(fragment.ToString());
        _calls[update.Index] = call;
    }

    public List<AIContent> Build() =>
        [.. _calls.Values.Where(c => c.Name is not null)
            .Select(c => OpenAIChatResponseMapper.FunctionCall(c.Id ?? "call_" + Guid.NewGuid().ToString("N"), c.Name!, c.Arguments.ToString()))];
}
