using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>Functions for agent templates to call, and for agents to be given as tools.</summary>
public sealed class AgentTextPlugin
{
    [KernelFunction("upper")]
    [Description("Upper-cases text.")]
    public string Upper([Description("The text.")] string input) => input.ToUpperInvariant();

    [KernelFunction("join")]
    [Description("Joins two texts with a separator.")]
    public string Join(string first, string second, string separator = "+") => $"{first}{separator}{second}";

    [KernelFunction("markup")]
    [Description("Returns markup.")]
    public string Markup() => "<b>bold</b>";

    [KernelFunction("point")]
    [Description("Returns a structured value.")]
    public AgentPoint Point() => new(1, 2);
}

public sealed record AgentPoint(int X, int Y);
