namespace McpOpenAI.LoadTest;

/// <summary>
/// What to measure, from the command line. Every figure is bounded, so a run cannot go on or grow without limit.
/// <c>load</c> runs the same rounds against each target in turn; <c>soak</c> keeps one target busy and samples its memory.
/// </summary>
internal sealed record LoadSettings(
    string Mode,
    int Clients,
    int CallsPerClient,
    int Rounds,
    int WarmupCalls,
    TimeSpan SoakDuration,
    IReadOnlyList<Target> Targets)
{
    public const string Usage = """
        usage: McpOpenAI.LoadTest load [--clients 64] [--calls 100] [--rounds 5] [--warmup 20000] LABEL=TARGET...
               McpOpenAI.LoadTest soak [--clients 64] [--minutes 10] [--warmup 20000] LABEL=TARGET
        TARGET is a command that serves MCP over Streamable HTTP at the URL given by {url} in it, e.g.
          mcp-openai="dotnet mcp-openai.dll --http {url}"  bare="dotnet McpOpenAI.BareServer.dll --http {url}",
        or the URL of a server already running, e.g. balancer=http://127.0.0.1:8080/mcp (with pid:N,N to read the RSS of its processes).
        """;

    public static LoadSettings Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("load" or "soak"))
            throw new ArgumentException(Usage);
        var options = new Dictionary<string, int>(StringComparer.Ordinal);
        var targets = new List<Target>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 0)
                    throw new ArgumentException($"{args[i]} needs a whole number.\n{Usage}");
                options[args[i][2..]] = value;
                i++;
            }
            else
            {
                targets.Add(Target.Parse(args[i]));
            }
        }
        if (targets.Count == 0 || (args[0] == "soak" && targets.Count != 1))
            throw new ArgumentException($"Name {(args[0] == "soak" ? "one target" : "at least one target")}.\n{Usage}");
        int Get(string name, int fallback, int max) => Math.Clamp(options.GetValueOrDefault(name, fallback), 1, max);
        return new LoadSettings(args[0], Get("clients", 64, 1000), Get("calls", 100, 100_000), Get("rounds", 5, 100),
            options.TryGetValue("warmup", out var warmup) ? Math.Clamp(warmup, 0, 1_000_000) : 20_000,
            TimeSpan.FromMinutes(Get("minutes", 10, 120)), targets);
    }
}

/// <summary>A server to measure: a command started here (with {url} replaced), or a running endpoint.</summary>
internal sealed record Target(string Label, string? Command, Uri? Endpoint, IReadOnlyList<int> Pids)
{
    public static Target Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
            throw new ArgumentException($"'{text}' is not LABEL=TARGET.\n{LoadSettings.Usage}");
        var (label, value) = (text[..eq], text[(eq + 1)..]);
        if (!value.StartsWith("http://", StringComparison.Ordinal))
            return value.Contains("{url}", StringComparison.Ordinal)
                ? new Target(label, value, null, [])
                : throw new ArgumentException($"The command of '{label}' has no {{url}} to serve at.");
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pids = parts.Skip(1).Where(p => p.StartsWith("pid:", StringComparison.Ordinal))
            .SelectMany(p => p[4..].Split(',')).Select(int.Parse).ToArray();
        return new Target(label, null, new Uri(parts[0]), pids);
    }
}
