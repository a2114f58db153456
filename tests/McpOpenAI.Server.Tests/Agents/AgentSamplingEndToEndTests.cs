using System.Collections.Concurrent;
using McpOpenAI.Server.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

// Sampling is deprecated in the newest MCP revision, but it is what today's clients offer and what agents fall back to.
#pragma warning disable MCP9005

namespace McpOpenAI.Server.Tests.Agents;

/// <summary>With no API key, an agent runs on the MCP client's own model through sampling.</summary>
public sealed class AgentSamplingEndToEndTests
{
    [Fact]
    public async Task Agent_NoKeyClientOffersSampling_RunsOnTheClientsModelWithItsInstructions()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Agents/clock.agent.yaml", """
            name: clock
            description: Tells the time.
            instructions: You tell people the time, briefly.
            input_variables:
              - name: question
                description: The question.
            tools:
              - Utility
            """);
        var requests = new ConcurrentQueue<CreateMessageRequestParams>();
        var options = new McpClientOptions();
        options.Handlers.SamplingHandler = (request, _, _) =>
        {
            requests.Enqueue(request!);
            return ValueTask.FromResult(new CreateMessageResult
            {
                Model = "client-model",
                Content = [new TextContentBlock { Text = "It is tea time." }],
            });
        };
        await using var server = await ServerProcess.StartAsync(folder, options: options, cancellationToken: ct);

        var result = AgentServer.Structured(await server.Client.CallToolAsync("clock", new Dictionary<string, object?> { ["question"] = "What time is it?" }, cancellationToken: ct));

        Assert.Equal("It is tea time.", result.GetProperty("answer").GetString());
        var request = Assert.Single(requests);
        Assert.Contains("You tell people the time", request.SystemPrompt ?? string.Concat(request.Messages.SelectMany(m => m.Content.OfType<TextContentBlock>()).Select(t => t.Text)), StringComparison.Ordinal);
        Assert.Contains(request.Messages, m => m.Content.OfType<TextContentBlock>().Any(t => t.Text.Contains("What time is it?", StringComparison.Ordinal)));
    }
}
