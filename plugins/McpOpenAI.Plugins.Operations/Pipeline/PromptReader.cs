using System.Text.Json;

namespace McpOpenAI.Plugins.Operations.Pipeline;

/// <summary>Finds the texts a person wrote in a chat, Responses or image request (user messages and image prompts).</summary>
internal static class PromptReader
{
    public static IReadOnlyList<string> Read(OpenAIRequest request)
    {
        var texts = new List<string>();
        switch (request.Kind)
        {
            case OpenAIRequestKind.Chat when request.Json is { } json && json.TryGetProperty("messages", out var messages):
                AddUserMessages(messages, texts);
                break;
            case OpenAIRequestKind.Responses when request.Json is { } json && json.TryGetProperty("input", out var input):
                if (input.ValueKind == JsonValueKind.String) texts.Add(input.GetString()!);
                else AddUserMessages(input, texts);
                break;
            case OpenAIRequestKind.ImageGeneration or OpenAIRequestKind.ImageEdit:
                if ((request.Json is { } j ? OpenAIRequest.String(j, "prompt") : request.Form?.Get("prompt")) is { Length: > 0 } prompt)
                    texts.Add(prompt);
                break;
        }
        return [.. texts.Where(t => !string.IsNullOrWhiteSpace(t))];
    }

    private static void AddUserMessages(JsonElement messages, List<string> texts)
    {
        if (messages.ValueKind != JsonValueKind.Array) return;
        foreach (var message in messages.EnumerateArray())
        {
            if (OpenAIRequest.String(message, "role") != "user" || !message.TryGetProperty("content", out var content)) continue;
            if (content.ValueKind == JsonValueKind.String)
            {
                texts.Add(content.GetString()!);
                continue;
            }
            if (content.ValueKind != JsonValueKind.Array) continue;
            foreach (var part in content.EnumerateArray())
            {
                if (OpenAIRequest.String(part, "type") is "text" or "input_text" && OpenAIRequest.String(part, "text") is { } text)
                    texts.Add(text);
            }
        }
    }
}
