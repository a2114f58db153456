namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>How detailed a model is: the primitives' segment count, how many parts to ask for, and the answer's token budget.</summary>
internal sealed record DetailLevel(string Name, int Segments, int Parts, int MaxOutputTokens)
{
    public static readonly DetailLevel Low = new("low", 12, 8, 4_000);
    public static readonly DetailLevel Medium = new("medium", 24, 24, 8_000);
    public static readonly DetailLevel High = new("high", 48, 64, 16_000);

    public static readonly string[] Names = ["low", "medium", "high"];

    public static DetailLevel From(string? name) => name switch
    {
        "low" => Low,
        "high" => High,
        _ => Medium,
    };
}
