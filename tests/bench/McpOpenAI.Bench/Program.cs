using McpOpenAI.Bench;

return args is ["startup", .. var rest] ? await StartupBenchmark.RunAsync(rest).ConfigureAwait(false) : Usage();

static int Usage()
{
    Console.Error.WriteLine("""
        usage: McpOpenAI.Bench startup [--runs N] [--rss] [--env K=V]... LABEL=COMMAND [LABEL=COMMAND ...]
          Starts each stdio MCP server COMMAND (split on spaces) N times, interleaved, and prints the median and p90 time
          from process start to the initialize answer and to the first tools/list answer (and idle RSS with --rss).
        """);
    return 2;
}
