using Microsoft.Extensions.AI;
using Sdk = OpenAI.Chat;

namespace McpOpenAI.Kernel.Chat;

/// <summary>
/// Settles what <see cref="ChatOptions"/> leaves open about OpenAI structured output: a JSON schema is strict unless the
/// options say otherwise (<see cref="StrictKey"/> in <see cref="ChatOptions.AdditionalProperties"/>), and its name fits
/// OpenAI's rule (letters, digits, <c>_</c> and <c>-</c>, at most 64).
/// </summary>
public static class OpenAIStructuredOutput
{
    /// <summary>The additional property Microsoft.Extensions.AI.OpenAI reads for strictness (of the schema, and of tools).</summary>
    public const string StrictKey = "strict";

    /// <summary>Adjusts <paramref name="options"/> as described above; use it with <c>ChatClientBuilder.ConfigureOptions</c>.</summary>
    /// <param name="options">A copy of the call's options.</param>
    public static void Configure(ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ResponseFormat is not ChatResponseFormatJson { Schema: { } schema } json) return;
        var format = ChatResponseFormat.ForJsonSchema(schema, SchemaName(json.SchemaName), json.SchemaDescription);
        options.ResponseFormat = format;
        if (options.AdditionalProperties?.ContainsKey(StrictKey) == true) return;

        // An options-wide "strict" would make every tool strict too, so only the response format is preset.
#pragma warning disable OPENAI001 // The conversion is marked experimental; it is the connector's own.
        var strict = Sdk.MicrosoftExtensionsAIChatExtensions.AsOpenAIChatResponseFormat(format, new ChatOptions { AdditionalProperties = new() { [StrictKey] = true } })!;
#pragma warning restore OPENAI001
        var raw = options.RawRepresentationFactory;
        options.RawRepresentationFactory = client =>
        {
            var sdk = raw?.Invoke(client) as Sdk.ChatCompletionOptions ?? new Sdk.ChatCompletionOptions();
            sdk.ResponseFormat ??= strict;
            return sdk;
        };
    }

    private static string SchemaName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "response";
        var clean = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_')]);
        return clean.Length > 64 ? clean[..64] : clean;
    }
}
