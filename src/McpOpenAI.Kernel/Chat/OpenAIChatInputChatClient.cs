using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>
/// A chat client layer that prepares messages for Microsoft.Extensions.AI.OpenAI's chat connector. It refuses, before any
/// request, what the connector would silently leave out — a role chat completions does not have, user content other than
/// text, images, PDF documents and MP3 or WAV audio — so the caller gets an <c>invalid_argument</c> error rather than an
/// answer to a different question. A tool result that is a JSON string (as a stored conversation reads back) goes as
/// its text, not as a quoted JSON literal, and a failed call with no result as <c>Error: </c> and the exception's message.
/// </summary>
public sealed class OpenAIChatInputChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    private static readonly ChatRole Developer = new("developer");

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Prepare(messages), options, cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Prepare(messages), options, cancellationToken);

    private static List<ChatMessage> Prepare(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var prepared = new List<ChatMessage>();
        foreach (var message in messages)
        {
            if (message.Role != ChatRole.System && message.Role != ChatRole.User && message.Role != ChatRole.Assistant
                && message.Role != ChatRole.Tool && message.Role != Developer)
                throw new FunctionException(ErrorCodes.InvalidArgument, $"Chat messages with the role '{message.Role}' are not supported.");
            if (message.Role == ChatRole.User && message.Contents.Select(Unsendable).FirstOrDefault(t => t is not null) is { } mediaType)
                throw new FunctionException(ErrorCodes.InvalidArgument, $"The chat model cannot read content of type '{mediaType}'.",
                    ["Send text, images, PDF documents, or MP3 or WAV audio."]);
            prepared.Add(message.Role == ChatRole.Tool && message.Contents.Any(c => TextOf(c) is not null) ? WithTextResults(message) : message);
        }
        return prepared;
    }

    private static string? Unsendable(AIContent content) => content switch
    {
        UriContent uri when !uri.HasTopLevelMediaType("image") => uri.MediaType,
        DataContent data when !data.HasTopLevelMediaType("image")
            && !data.MediaType.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase)
            && !data.MediaType.Equals("audio/mpeg", StringComparison.OrdinalIgnoreCase)
            && !data.MediaType.Equals("audio/wav", StringComparison.OrdinalIgnoreCase) => data.MediaType,
        _ => null,
    };

    private static string? TextOf(AIContent content) => content switch
    {
        FunctionResultContent { Result: JsonElement { ValueKind: JsonValueKind.String } json } => json.GetString(),
        FunctionResultContent { Result: null, Exception: { } e } => "Error: " + e.Message,
        _ => null,
    };

    // A copy, so the caller's conversation keeps what it holds.
    private static ChatMessage WithTextResults(ChatMessage message)
    {
        var copy = message.Clone();
        copy.Contents = [.. message.Contents.Select(c => c is FunctionResultContent result && TextOf(c) is { } text
            ? new FunctionResultContent(result.CallId, text) { Exception = result.Exception, RawRepresentation = result.RawRepresentation }
            : c)];
        return copy;
    }
}
