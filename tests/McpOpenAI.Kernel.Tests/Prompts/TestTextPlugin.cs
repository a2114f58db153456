using System.ComponentModel;

namespace McpOpenAI.Kernel.Tests.Prompts;

/// <summary>A native plugin for templates to call.</summary>
public sealed class TestTextPlugin
{
    [Description("Upper-cases text.")]
    public string Upper([Description("The text.")] string input) => input.ToUpperInvariant();

    [Description("Joins two texts with a separator.")]
    public string Join(string first, string second, string separator = "+") => $"{first}{separator}{second}";

    [Description("Returns markup.")]
    public string Markup() => "<b>bold</b>";

    [Description("Returns a structured value.")]
    public TestPoint Point() => new(1, 2);
}

public sealed record TestPoint(int X, int Y);
