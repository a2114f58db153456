using System.Text.Json;
using Microsoft.Extensions.AI;
using Sdk = OpenAI.Chat;

namespace McpOpenAI.Kernel.Chat;

/// <summary>Maps <see cref="ChatOptions"/> to the SDK's <see cref="Sdk.ChatCompletionOptions"/>.</summary>
internal static class OpenAIChatOptionsMapper
{
    /// <summary>The additional-property key that switches strict JSON schema on or off (the name Microsoft.Extensions.AI.OpenAI uses).</summary>
    public const string StrictKey = "strictJsonSchema";

    public static Sdk.ChatCompletionOptions ToSdk(ChatOptions? options)
    {
        var result = options?.RawRepresentationFactory?.Invoke(null!) as Sdk.ChatCompletionOptions ?? new Sdk.ChatCompletionOptions();
        if (options is null) return result;

        result.Temperature ??= options.Temperature;
        result.TopP ??= options.TopP;
        result.MaxOutputTokenCount ??= options.MaxOutputTokens;
        result.FrequencyPenalty ??= options.FrequencyPenalty;
        result.PresencePenalty ??= options.PresencePenalty;
#pragma warning disable OPENAI001 // Seed is marked experimental by the SDK; the wire field is stable.
        result.Seed ??= options.Seed;
#pragma warning restore OPENAI001
        foreach (var stop in options.StopSequences ?? []) result.StopSequences.Add(stop);

        result.ResponseFormat ??= options.ResponseFormat switch
        {
            ChatResponseFormatText => Sdk.ChatResponseFormat.CreateTextFormat(),
            ChatResponseFormatJson { Schema: { } schema } json => Sdk.ChatResponseFormat.CreateJsonSchemaFormat(
                SchemaName(json.SchemaName), BinaryData.FromString(schema.GetRawText()), json.SchemaDescription,
                Strict(options.AdditionalProperties) ?? true),
            ChatResponseFormatJson => Sdk.ChatResponseFormat.CreateJsonObjectFormat(),
            _ => null,
        };

        foreach (var function in (options.Tools ?? []).OfType<AIFunctionDeclaration>())
        {
            result.Tools.Add(Sdk.ChatTool.CreateFunctionTool(function.Name, function.Description,
                BinaryData.FromString(Parameters(function.JsonSchema)), Strict(function.AdditionalProperties)));
        }

        if (result.Tools.Count > 0)
        {
            result.ToolChoice ??= options.ToolMode switch
            {
                NoneChatToolMode => Sdk.ChatToolChoice.CreateNoneChoice(),
                AutoChatToolMode => Sdk.ChatToolChoice.CreateAutoChoice(),
                RequiredChatToolMode { RequiredFunctionName: { } name } => Sdk.ChatToolChoice.CreateFunctionChoice(name),
                RequiredChatToolMode => Sdk.ChatToolChoice.CreateRequiredChoice(),
                _ => null,
            };
            result.AllowParallelToolCalls ??= options.AllowMultipleToolCalls;
        }
        return result;
    }

    // OpenAI requires an object schema with "properties", even for functions without parameters.
    private static string Parameters(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return """{"type":"object","properties":{}}""";
        if (schema.TryGetProperty("properties", out _)) return schema.GetRawText();
        var node = System.Text.Json.Nodes.JsonNode.Parse(schema.GetRawText())!.AsObject();
        node["type"] = "object";
        node["properties"] = new System.Text.Json.Nodes.JsonObject();
        return node.ToJsonString();
    }

    private static string SchemaName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "response";
        var clean = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_')]);
        return clean.Length > 64 ? clean[..64] : clean;
    }

    private static bool? Strict(IReadOnlyDictionary<string, object?>? properties) =>
        properties?.TryGetValue(StrictKey, out var value) == true && value is bool strict ? strict : null;
}
