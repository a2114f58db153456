using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>
/// Supplies the kernel's own chat client (OpenAI when configured). Returns null when none is configured,
/// so the kernel can fall back to the caller's client (MCP sampling).
/// </summary>
public interface IChatClientProvider
{
    /// <summary>The configured chat client, or null.</summary>
    IChatClient? GetChatClient();
}
