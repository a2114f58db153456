using System.Diagnostics;
using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Bench;

/// <summary>
/// The operations layers on the chat pipeline against an in-process fake OpenAI: a cache miss (a new deterministic
/// prompt each time), a hit (the same one again), the miss with the moderation pre-check on, and the miss through a
/// configured (never reached) per-model rate limit. Calls are interleaved; prints p50/p99, the ratio to the miss, and
/// the upstream requests each case made.
/// </summary>
internal static class CacheBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args is ["--runs", var n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 300;
        await using var fake = await FakeOpenAIServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("mcp-openai-bench-");
        try
        {
            (string Label, string[] Settings)[] cases =
            [
                ("miss", []),
                ("hit", []),
                ("miss + precheck", ["Safety:PrecheckPrompts=true"]),
                ("miss + rate limit", ["OpenAI:Limits:gpt-4.1-mini:RequestsPerMinute=6000000"]),
            ];
            var clients = cases.Select((c, i) => Client(fake, Path.Combine(data.FullName, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), c.Settings)).ToArray();
            var samples = cases.Select(_ => new List<double>()).ToArray();
            var upstream = new int[cases.Length];
            for (var i = -20; i < runs; i++)
            {
                for (var c = 0; c < cases.Length; c++)
                {
                    var prompt = cases[c].Label == "hit" ? "the same question" : $"question {c}-{i}";
                    var before = fake.RequestCount();
                    var started = Stopwatch.GetTimestamp();
                    await foreach (var _ in clients[c].GetStreamingResponseAsync(prompt, new ChatOptions { Temperature = 0 }).ConfigureAwait(false))
                    {
                    }
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    // The first calls warm the JIT, the connection and, for "hit", the cache entry.
                    if (i < 0) continue;
                    samples[c].Add(elapsed);
                    upstream[c] += fake.RequestCount() - before;
                }
            }
            var baseline = Percentile(samples[0], 50);
            Console.WriteLine($"{runs} calls each, interleaved, streamed chat (temperature 0) through the server's pipeline to an in-process fake");
            Console.WriteLine($"{"case",-20} {"p50 ms",9} {"p99 ms",9} {"p50 × miss",11} {"upstream requests",18}");
            for (var c = 0; c < cases.Length; c++)
                Console.WriteLine($"{cases[c].Label,-20} {Percentile(samples[c], 50),9:F3} {Percentile(samples[c], 99),9:F3} {Percentile(samples[c], 50) / baseline,11:F3} {upstream[c],18}");
            return 0;
        }
        finally
        {
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A usage database may still be closing; the folder is under the temp folder.
            }
        }
    }

    private static IChatClient Client(FakeOpenAIServer fake, string dataFolder, string[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["OpenAI:ApiKey"] = fake.ApiKey,
            ["OpenAI:BaseUrl"] = fake.BaseUrl,
            ["Server:DataFolder"] = dataFolder,
        };
        foreach (var setting in settings)
            values[setting[..setting.IndexOf('=')]] = setting[(setting.IndexOf('=') + 1)..];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddMcpOpenAIPluginServices(configuration, "Utility").BuildServiceProvider();
        return services.GetRequiredService<OpenAIClientFactory>().AsIChatClient();
    }

    private static double Percentile(List<double> samples, int percentile)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
