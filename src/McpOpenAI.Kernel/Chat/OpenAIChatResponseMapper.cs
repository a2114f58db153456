using System.Text.Json;
using Microsoft.Extensions.AI;
using Sdk = OpenAI.Chat;

namespace McpOpenAI.Kernel.Chat;

/// <summary>Maps the SDK's chat completion results to Microsoft.Extensions.AI responses.</summary>
internal static class OpenAIChatResponseMapper
{
    public static ChatResponse ToResponse(Sdk.ChatCompletion completion)
    {
        var contents = new List<AIContent>();
        foreach (var part in completion.Content)
        {
            if (part.Kind == Sdk.ChatMessageContentPartKind.Text) contents.Add(new TextContent(part.Text) { RawRepresentation = part });
        }
        if (!string.IsNullOrEmpty(completion.Refusal)) contents.Add(new TextContent(completion.Refusal));
        foreach (var call in completion.ToolCalls)
            contents.Add(FunctionCall(call.Id, call.FunctionName, call.FunctionArguments?.ToString() ?? ""));

        var message = new ChatMessage(ChatRole.Assistant, contents) { MessageId = completion.Id, RawRepresentation = completion };
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = FinishReason(completion.FinishReason),
            Usage = Usage(completion.Usage),
            RawRepresentation = completion,
        };
    }

    public static FunctionCallContent FunctionCall(string id, string name, string arguments) =>
        FunctionCallContent.CreateFromParsedArguments(arguments, id, name, static json =>
            string.IsNullOrWhiteSpace(json) ? new Dictionary<string, object?>() : JsonSerializer.Deserialize<Dictionary<string, object?>>(json, AIJsonUtilities.DefaultOptions));

    public static ChatFinishReason? FinishReason(Sdk.ChatFinishReason? reason) => reason switch
    {
        Sdk.ChatFinishReason.Stop => ChatFinishReason.Stop,
        Sdk.ChatFinishReason.Length => ChatFinishReason.Length,
        Sdk.ChatFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        Sdk.ChatFinishReason.ToolCalls or Sdk.ChatFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        _ => null,
    };

    public static UsageDetails? Usage(Sdk.ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
        CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
        ReasoningTokenCount = usage.OutputTokenDetails?.ReasoningTokenCount,
    };
}
