using McpOpenAI.Plugins.OpenAI.Chat;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A scene the model designed and the validator accepted.</summary>
/// <param name="Json">The accepted answer as the model wrote it.</param>
/// <param name="Scene">The checked scene.</param>
/// <param name="Response">The chat response that gave it.</param>
/// <param name="Usage">Tokens over every request, a retry included.</param>
internal sealed record GeneratedScene(string Json, Scene Scene, ChatResponse Response, ChatUsage? Usage);
