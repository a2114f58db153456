using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using Microsoft.Extensions.AI;
using Sdk = OpenAI.Chat;

namespace McpOpenAI.Kernel.Chat;

/// <summary>Maps Microsoft.Extensions.AI chat messages to the OpenAI SDK's chat messages.</summary>
internal static class OpenAIChatMessageMapper
{
    public static List<Sdk.ChatMessage> ToSdk(IEnumerable<ChatMessage> messages, string? instructions)
    {
        var result = new List<Sdk.ChatMessage>();
        if (!string.IsNullOrWhiteSpace(instructions)) result.Add(new Sdk.SystemChatMessage(instructions));
        foreach (var message in messages)
        {
            // "developer" is the newer name of the system role; chat completions accept system for every model.
            if (message.Role == ChatRole.System || message.Role.Value == "developer")
                result.Add(new Sdk.SystemChatMessage(message.Text));
            else if (message.Role == ChatRole.User)
                result.Add(User(message));
            else if (message.Role == ChatRole.Assistant)
                result.Add(Assistant(message));
            else if (message.Role == ChatRole.Tool)
                result.AddRange(Tool(message));
            else
                throw new FunctionException(ErrorCodes.InvalidArgument, $"Chat messages with the role '{message.Role}' are not supported.");
        }
        return result;
    }

    private static Sdk.UserChatMessage User(ChatMessage message)
    {
        var parts = new List<Sdk.ChatMessageContentPart>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    parts.Add(Sdk.ChatMessageContentPart.CreateTextPart(text.Text));
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    parts.Add(Sdk.ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(data.Data), data.MediaType, Detail(data)));
                    break;
                case DataContent data when data.MediaType == "application/pdf":
#pragma warning disable OPENAI001 // File parts are marked experimental by the SDK; the wire format is stable.
                    parts.Add(Sdk.ChatMessageContentPart.CreateFilePart(BinaryData.FromBytes(data.Data), data.MediaType, data.Name ?? "document.pdf"));
#pragma warning restore OPENAI001
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    parts.Add(Sdk.ChatMessageContentPart.CreateImagePart(uri.Uri, Detail(uri)));
                    break;
                case DataContent data:
                    throw Unsupported(data.MediaType);
                case UriContent uri:
                    throw Unsupported(uri.MediaType);
            }
        }
        var user = parts.Count == 1 && parts[0].Kind == Sdk.ChatMessageContentPartKind.Text
            ? new Sdk.UserChatMessage(parts[0].Text)
            : new Sdk.UserChatMessage(parts);
        if (message.AuthorName is { } name) user.ParticipantName = name;
        return user;
    }

    private static Sdk.AssistantChatMessage Assistant(ChatMessage message)
    {
        var calls = message.Contents.OfType<FunctionCallContent>()
            .Select(c => Sdk.ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name,
                BinaryData.FromString(JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions))))
            .ToList();
        var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));
        if (calls.Count == 0) return new Sdk.AssistantChatMessage(text);

        var assistant = new Sdk.AssistantChatMessage(calls);
        if (text.Length > 0) assistant.Content.Add(Sdk.ChatMessageContentPart.CreateTextPart(text));
        return assistant;
    }

    private static IEnumerable<Sdk.ToolChatMessage> Tool(ChatMessage message)
    {
        foreach (var result in message.Contents.OfType<FunctionResultContent>())
            yield return new Sdk.ToolChatMessage(result.CallId, ResultText(result));
    }

    private static string ResultText(FunctionResultContent result) => result.Result switch
    {
        null when result.Exception is { } e => "Error: " + e.Message,
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? "",
        var other => JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions),
    };

    private static FunctionException Unsupported(string mediaType) => new(ErrorCodes.InvalidArgument,
        $"The chat model cannot read content of type '{mediaType}'.", ["Send text, images or PDF documents."]);

    private static Sdk.ChatImageDetailLevel? Detail(AIContent content) =>
        content.AdditionalProperties?.TryGetValue("detail", out var value) == true && value?.ToString() is { Length: > 0 } detail
            ? (Sdk.ChatImageDetailLevel?)new Sdk.ChatImageDetailLevel(detail.ToLowerInvariant())
            : null;
}
