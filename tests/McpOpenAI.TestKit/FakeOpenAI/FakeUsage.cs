namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Token counts the fake reports.</summary>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
public sealed record FakeUsage(int PromptTokens, int CompletionTokens)
{
    /// <summary>Input plus output.</summary>
    public int TotalTokens => PromptTokens + CompletionTokens;
}
