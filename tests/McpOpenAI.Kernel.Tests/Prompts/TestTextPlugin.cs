using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Prompts;

/// <summary>A native plugin for templates to call.</summary>
public sealed class TestTextPlugin
{
    [KernelFunction("upper"), Description("Upper-cases text.")]
    public string Upper([Description("The text.")] string input) => input.ToUpperInvariant();

    [KernelFunction("join"), Description("Joins two texts with a separator.")]
    public string Join(string first, string second, string separator = "+") => $"{first}{separator}{second}";

    [KernelFunction("markup"), Description("Returns markup.")]
    public string Markup() => "<b>bold</b>";

    [KernelFunction("point"), Description("Returns a structured value.")]
    public TestPoint Point() => new(1, 2);
}

public sealed record TestPoint(int X, int Y);
