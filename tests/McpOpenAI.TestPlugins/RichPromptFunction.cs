using System.Text.Json;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Resources;
using Microsoft.Extensions.AI;


namespace McpOpenAI.TestPlugins;

/// <summary>A prompt whose messages carry text, an image and an embedded resource (text and binary).</summary>
public sealed class RichPromptFunction : AIFunction
{
    /// <summary>A 1x1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly JsonElement Schema = JsonDocument.Parse("""{"type":"object","properties":{"topic":{"type":"string"}},"required":["topic"]}""").RootElement.Clone();

    /// <inheritdoc />
    public override string Name => "review_material";

    /// <inheritdoc />
    public override string Description => "Asks for a review of an image and a note.";

    /// <inheritdoc />
    public override JsonElement JsonSchema => Schema;

    /// <summary>The function as an MCP prompt.</summary>
    public static PromptDescriptor Prompt { get; } = new(
        [new("topic", "What to review.", IsRequired: true, Default: null)],
        (_, arguments, cancellationToken) => RenderMessagesAsync(arguments, cancellationToken),
        new FunctionTraits { ReadOnly = true });

    /// <summary>Renders the messages: text, an image, an embedded text and an embedded binary resource.</summary>
    public static ValueTask<IReadOnlyList<ChatMessage>> RenderMessagesAsync(IDictionary<string, object?> arguments, CancellationToken cancellationToken = default)
    {
        var topic = arguments.TryGetValue("topic", out var value) ? value?.ToString() : null;
        IReadOnlyList<ChatMessage> messages =
        [
            new(ChatRole.User,
            [
                new TextContent($"Review this {topic}:"),
                new DataContent(Png, "image/png"),
                new EmbeddedResourceContent(ResourceContent.FromText("test://note", "text/plain", "A note.")),
                new EmbeddedResourceContent(ResourceContent.FromBytes("test://raw", "application/octet-stream", new byte[] { 1, 2, 3 })),
            ]),
            new(ChatRole.Assistant, "Understood."),
        ];
        return ValueTask.FromResult(messages);
    }

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
        (await RenderMessagesAsync(arguments, cancellationToken)).SelectMany(m => m.Contents).ToList();
}
