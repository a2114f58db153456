using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Agents;

/// <summary>Trims a stored conversation to a token budget by whole turns, so no tool result loses its call.</summary>
internal static class SessionHistory
{
    public sealed record StoredMessage(long Turn, ChatMessage Message, int Tokens);

    /// <summary>The newest whole turns whose estimated tokens fit in <paramref name="maxTokens"/>, oldest first.</summary>
    public static IReadOnlyList<ChatMessage> Trim(IReadOnlyList<StoredMessage> messages, int maxTokens)
    {
        var turns = messages.GroupBy(m => m.Turn).OrderByDescending(g => g.Key).ToArray();
        var kept = new List<IGrouping<long, StoredMessage>>();
        var total = 0;
        foreach (var turn in turns)
        {
            var tokens = turn.Sum(m => m.Tokens);
            if (total + tokens > maxTokens)
                break;
            total += tokens;
            kept.Add(turn);
        }
        kept.Reverse();
        return kept.SelectMany(t => t.Select(m => m.Message)).ToArray();
    }

    /// <summary>A rough token count (four characters a token) of a message's text, calls and results.</summary>
    public static int EstimateTokens(ChatMessage message)
    {
        var chars = 0L;
        foreach (var content in message.Contents)
        {
            chars += content switch
            {
                TextContent text => text.Text.Length,
                FunctionCallContent call => call.Name.Length + (call.Arguments?.Sum(a => a.Key.Length + (a.Value?.ToString()?.Length ?? 0)) ?? 0),
                FunctionResultContent result => result.Result?.ToString()?.Length ?? 0,
                _ => 0,
            };
        }
        return (int)Math.Min(int.MaxValue, 4 + (chars + 3) / 4);
    }
}
