using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.Server.Tests.Prompts;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>The API key never shows up in logs or tool results, even with debug logging and failing calls.</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task ApiKey_NeverInStderrOrResults_EvenWhenOpenAIRejectsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var openai = await FakeOpenAIServer.StartAsync(ct);
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        var wrongKey = "sk-test-" + Guid.NewGuid().ToString("N");
        var env = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = wrongKey, ["OPENAI_BASE_URL"] = openai.BaseUrl };
        await using var server = await ServerProcess.StartAsync(folder, env, ["--log-level", "Trace"], cancellationToken: ct);

        var texts = new List<string>();
        foreach (var (tool, args) in new (string, Dictionary<string, object?>)[]
        {
            ("greet", new() { ["name"] = "Ada" }),
            ("text_stats", new() { ["text"] = "x" }),
            ("prompt_status", new()),
        })
        {
            var result = await server.Client.CallToolAsync(tool, args, cancellationToken: ct);
            texts.AddRange(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        }

        Assert.Contains(texts, t => t.StartsWith("Error (invalid_api_key)", StringComparison.Ordinal));
        Assert.NotEmpty(server.Stderr);
        Assert.DoesNotContain(wrongKey, server.Stderr);
        Assert.DoesNotContain(wrongKey[^12..], server.Stderr);
        Assert.All(texts, t => Assert.DoesNotContain(wrongKey[^12..], t));
    }
}
