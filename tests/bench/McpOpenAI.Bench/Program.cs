using McpOpenAI.Bench;

return args switch
{
    ["startup", .. var rest] => await StartupBenchmark.RunAsync(rest).ConfigureAwait(false),
    ["calls", .. var rest] => await CallsBenchmark.RunAsync(rest).ConfigureAwait(false),
    ["cache", .. var rest] => await CacheBenchmark.RunAsync(rest).ConfigureAwait(false),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: McpOpenAI.Bench startup [--runs N] [--rss] [--env K=V]... LABEL=COMMAND [LABEL=COMMAND ...]
          Starts each stdio MCP server COMMAND (split on spaces) N times, interleaved, and prints the median and p90 time
          from process start to the initialize answer and to the first tools/list answer (and idle RSS with --rss).
               McpOpenAI.Bench calls [--calls N] [--warmup N] [--tool NAME] [--arguments JSON] [--env K=V]... LABEL=COMMAND [...]
          Starts each server once and sends the same tools/call to each in turn, one at a time; prints p50/p90/p99.
               McpOpenAI.Bench cache [--runs N]
          Streams deterministic chat calls through the server's pipeline to an in-process fake OpenAI: cache miss, hit,
          miss with the moderation pre-check, miss through a per-model rate limit; p50/p99, ratio to the miss, upstream requests.
        """);
    return 2;
}
