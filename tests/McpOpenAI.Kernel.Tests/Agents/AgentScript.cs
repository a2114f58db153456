using System.Runtime.CompilerServices;
using McpOpenAI.TestKit.Chat;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>A scripted model: each request gets the next turn of the script (text, tool calls, usage).</summary>
internal sealed class AgentScript
{
    private readonly Queue<Func<CancellationToken, IAsyncEnumerable<ChatResponseUpdate>>> _turns = new();
    private int _callIds;

    public AgentScript()
    {
        Client = new ScriptedChatClient
        {
            GetStreamingResponseAsyncCallback = (_, _, ct) =>
            {
                lock (_turns)
                    return _turns.Count > 0 ? _turns.Dequeue()(ct) : ScriptedChatClient.StreamText("(script ended)", 100, ct);
            },
        };
    }

    public ScriptedChatClient Client { get; }

    public AgentScript Text(string text, long? outputTokens = null) =>
        Add(ct => Stream([.. Chunks(text)], outputTokens, ct));

    public AgentScript Calls(params (string Name, Dictionary<string, object?>? Arguments)[] calls) => CallsWithUsage(null, calls);

    public AgentScript CallsWithUsage(long? outputTokens, params (string Name, Dictionary<string, object?>? Arguments)[] calls) =>
        Add(ct => Stream([new ChatResponseUpdate(ChatRole.Assistant,
            calls.Select(c => (AIContent)new FunctionCallContent($"call_{Interlocked.Increment(ref _callIds)}", c.Name, c.Arguments)).ToList())], outputTokens, ct));

    public AgentScript TextAndCalls(string text, params (string Name, Dictionary<string, object?>? Arguments)[] calls) =>
        Add(ct => Stream([.. Chunks(text), new ChatResponseUpdate(ChatRole.Assistant,
            calls.Select(c => (AIContent)new FunctionCallContent($"call_{Interlocked.Increment(ref _callIds)}", c.Name, c.Arguments)).ToList())], null, ct));

    public AgentScript Turn(Func<CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> turn) => Add(turn);

    public static Dictionary<string, object?> Args(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    private AgentScript Add(Func<CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> turn)
    {
        lock (_turns)
            _turns.Enqueue(turn);
        return this;
    }

    private static IEnumerable<ChatResponseUpdate> Chunks(string text)
    {
        for (var i = 0; i < text.Length; i += 5)
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(5, text.Length - i)));
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Stream(IReadOnlyList<ChatResponseUpdate> updates, long? outputTokens,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var update in updates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return update;
        }
        if (outputTokens is { } tokens)
            yield return new ChatResponseUpdate { Contents = [new UsageContent(new UsageDetails { InputTokenCount = 10, OutputTokenCount = tokens, TotalTokenCount = 10 + tokens })] };
    }
}
