using System.Text.Json.Serialization;

namespace McpOpenAI.Kernel.Calls;

/// <summary>Who started a call; filters may treat them differently.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<InvocationSource>))]
public enum InvocationSource
{
    /// <summary>Application code calling the kernel directly.</summary>
    Direct,

    /// <summary>An MCP client's <c>tools/call</c>.</summary>
    Mcp,

    /// <summary>An agent's tool loop.</summary>
    Agent,

    /// <summary>A prompt template calling another function.</summary>
    Template,

    /// <summary>The <c>mcp-openai invoke</c> command.</summary>
    CommandLine,
}
