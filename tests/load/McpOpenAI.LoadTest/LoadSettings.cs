namespace McpOpenAI.LoadTest;

/// <summary>How much load: every figure is bounded so a run cannot go on or grow without limit.</summary>
internal sealed record LoadSettings(string ServerDll, int Sessions, int CallsPerSession, TimeSpan TimeLimit)
{
    public static LoadSettings Parse(string[] args)
    {
        if (args.Length == 0)
            throw new ArgumentException("usage: McpOpenAI.LoadTest <path/to/mcp-openai.dll> [sessions=50] [calls-per-session=100] [seconds=60]");
        int Arg(int index, int fallback, int max) =>
            args.Length > index && int.TryParse(args[index], out var value) ? Math.Clamp(value, 1, max) : fallback;
        return new LoadSettings(args[0], Arg(1, 50, 500), Arg(2, 100, 10_000), TimeSpan.FromSeconds(Arg(3, 60, 600)));
    }
}
