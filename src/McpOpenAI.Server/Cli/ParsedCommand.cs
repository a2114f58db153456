namespace McpOpenAI.Server.Cli;

/// <summary>What the command line asked for.</summary>
/// <param name="Verb">serve, list, invoke, help or version.</param>
/// <param name="Target">For invoke: <c>Plugin.function</c> (or a tool name).</param>
/// <param name="Arguments">For invoke: the <c>--arg name=value</c> pairs, in order.</param>
/// <param name="ConfigArgs">Everything else, passed to configuration (<c>--OpenAI:ChatModel=…</c>, <c>--prompts DIR</c>).</param>
internal sealed record ParsedCommand(string Verb, string? Target, IReadOnlyList<KeyValuePair<string, string>> Arguments, string[] ConfigArgs)
{
    /// <summary>For serve: null for stdio; otherwise serve Streamable HTTP (an empty string means Http:Url or its default).</summary>
    public string? HttpUrl { get; init; }

    public const string Usage = """
        mcp-openai — an MCP server for OpenAI.

        Usage:
          mcp-openai [options]                      serve MCP over stdio (what MCP clients run)
          mcp-openai --http [url] [options]         serve MCP over Streamable HTTP (default http://127.0.0.1:3001/mcp)
          mcp-openai hash-token [--new]             hash a token read from stdin (or a new one) for Http:Tokens
          mcp-openai list [options]                 list plugins, functions and prompt-file errors
          mcp-openai invoke <Plugin.function> [--arg name=value]... [options]
                                                    run one function and stream its output
          mcp-openai --help | --version

        Options (any configuration key also works as --Section:Key=value):
          --prompts DIR      prompt-file folder (default ./prompts, else the shipped copy)
          --output DIR       where generated files go
          --data DIR         where state (databases, threads) lives
          --model NAME       default chat model
          --base-url URL     any OpenAI-compatible endpoint
          --log-level LEVEL  Trace, Debug, Information, Warning, Error

        HTTP:    --stateless (no sessions, for several instances behind a load balancer),
                 --allow-unauthenticated (serve a non-loopback address with no Http:Tokens).

        invoke: --arg name=value sets a parameter; name=@path reads the value from a file.

        The API key comes from OPENAI_API_KEY, user secrets or the per-user config file; never from the command line.
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a usage hint on bad input.</summary>
    public static ParsedCommand Parse(string[] args)
    {
        if (args.Length > 0 && args[0] is "-h" or "--help" or "help")
            return new ParsedCommand("help", null, [], []);
        if (args.Length > 0 && args[0] is "--version" or "version")
            return new ParsedCommand("version", null, [], []);

        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = verb == "serve" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args[1..];
        switch (verb)
        {
            case "serve":
                return ParseServe(rest);
            case "list":
                return new ParsedCommand(verb, null, [], rest);
            case "hash-token":
                return new ParsedCommand(verb, rest.Contains("--new") ? "new" : null, [], []);
            case "invoke":
                if (rest.Length == 0 || rest[0].StartsWith('-'))
                    throw new ArgumentException("invoke needs a function, e.g.: mcp-openai invoke Writer.summarize --arg text=@notes.txt");
                return ParseInvoke(rest);
            default:
                throw new ArgumentException($"Unknown command '{verb}'. Commands: serve (default), list, invoke, hash-token. See mcp-openai --help.");
        }
    }

    private static ParsedCommand ParseServe(string[] rest)
    {
        string? url = null;
        var config = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--http":
                    url = i + 1 < rest.Length && !rest[i + 1].StartsWith('-') ? rest[++i] : "";
                    break;
                case "--stateless":
                    config.Add("--Http:Stateless=true");
                    break;
                case "--allow-unauthenticated":
                    config.Add("--Http:AllowUnauthenticated=true");
                    break;
                default:
                    config.Add(rest[i]);
                    break;
            }
        }
        if (!string.IsNullOrEmpty(url))
            config.Add($"--Http:Url={url}");
        return new ParsedCommand("serve", null, [], config.ToArray()) { HttpUrl = url };
    }

    private static ParsedCommand ParseInvoke(string[] rest)
    {
        var arguments = new List<KeyValuePair<string, string>>();
        var config = new List<string>();
        for (var i = 1; i < rest.Length; i++)
        {
            if (rest[i] is "--arg" or "-a")
            {
                if (i + 1 >= rest.Length)
                    throw new ArgumentException("--arg needs a value: --arg name=value");
                var pair = rest[++i];
                var eq = pair.IndexOf('=');
                if (eq <= 0)
                    throw new ArgumentException($"--arg '{pair}' is not name=value.");
                arguments.Add(new(pair[..eq], pair[(eq + 1)..]));
            }
            else
            {
                config.Add(rest[i]);
            }
        }
        return new ParsedCommand("invoke", rest[0], arguments, config.ToArray());
    }
}
