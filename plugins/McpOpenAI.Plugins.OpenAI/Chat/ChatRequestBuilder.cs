using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Shared;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>Checks <c>chat</c>'s arguments and turns them into messages; every failure names the argument.</summary>
internal static class ChatRequestBuilder
{
    public const int MaxImages = 10;
    public const int MaxMessages = 500;
    private const string RolesAllowed = "system, user, assistant";

    public static List<ChatMessage> Messages(string? prompt, IReadOnlyList<ChatMessageInput>? messages, string? system, IReadOnlyList<ImageInput> images, string? detail)
    {
        var hasPrompt = !string.IsNullOrWhiteSpace(prompt);
        if (!hasPrompt && (messages is null || messages.Count == 0))
        {
            if (prompt is not null)
                throw FunctionException.InvalidArgument("prompt", "the prompt is empty.", "any non-empty text", "\"Summarise the plot of Hamlet in two sentences.\"");
            throw FunctionException.InvalidArgument("prompt", "give a prompt or a messages list.", "prompt (text) and/or messages ([{role, content}])", "\"Write a haiku about autumn.\"");
        }
        if (messages?.Count > MaxMessages)
            throw FunctionException.InvalidArgument("messages", $"{messages.Count} messages were given; at most {MaxMessages} are allowed.", $"1 to {MaxMessages} messages");

        var result = new List<ChatMessage>();
        if (!string.IsNullOrWhiteSpace(system)) result.Add(new ChatMessage(ChatRole.System, system));
        for (var i = 0; i < (messages?.Count ?? 0); i++)
        {
            var message = messages![i];
            var argument = $"messages[{i}]";
            if (message is null)
                throw FunctionException.InvalidArgument(argument, "the message is empty.", "{\"role\": \"user\", \"content\": \"…\"}", "{\"role\":\"user\",\"content\":\"Hello\"}");
            var role = message.Role?.Trim().ToLowerInvariant() switch
            {
                "system" or "developer" => ChatRole.System,
                "user" => ChatRole.User,
                "assistant" => ChatRole.Assistant,
                var other => throw FunctionException.InvalidArgument(argument + ".role", $"'{other}' is not a role.", RolesAllowed, "user"),
            };
            if (string.IsNullOrWhiteSpace(message.Content))
                throw FunctionException.InvalidArgument(argument + ".content", "the message text is empty.", "any non-empty text", "\"Hello\"");
            result.Add(new ChatMessage(role, message.Content));
        }
        if (hasPrompt) result.Add(new ChatMessage(ChatRole.User, prompt));

        if (images.Count > 0)
        {
            var target = result.LastOrDefault(m => m.Role == ChatRole.User)
                ?? throw FunctionException.InvalidArgument("images", "images go with a user message, and there is none.", "a prompt, or a messages list with a user message", "\"What is in this picture?\"");
            foreach (var image in images) target.Contents.Add(image.ToContent(detail));
        }
        return result;
    }

    public static IList<string>? Stop(IReadOnlyList<string>? stop)
    {
        if (stop is null || stop.Count == 0) return null;
        if (stop.Count > 4)
            throw FunctionException.InvalidArgument("stop", $"{stop.Count} stop sequences were given; OpenAI allows at most 4.", "1 to 4 non-empty strings", "[\"\\n\\n\"]");
        if (stop.Any(string.IsNullOrEmpty))
            throw FunctionException.InvalidArgument("stop", "a stop sequence is empty.", "1 to 4 non-empty strings", "[\"END\"]");
        return [.. stop];
    }
}
