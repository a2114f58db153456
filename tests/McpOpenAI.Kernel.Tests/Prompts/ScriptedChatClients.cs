using McpOpenAI.TestKit.Chat;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Prompts;

/// <summary>Semantic Kernel's prompt functions need a chat client that describes itself, as real ones do.</summary>
internal static class ScriptedChatClients
{
    private static readonly ChatClientMetadata Metadata = new("scripted", defaultModelId: "scripted-model");

    /// <summary>The client, answering <see cref="ChatClientMetadata"/> requests.</summary>
    public static ScriptedChatClient WithMetadata(this ScriptedChatClient client)
    {
        client.GetServiceCallback = (type, key) =>
            key is not null ? null : type == typeof(ChatClientMetadata) ? Metadata : type.IsInstanceOfType(client) ? client : null;
        return client;
    }
}
