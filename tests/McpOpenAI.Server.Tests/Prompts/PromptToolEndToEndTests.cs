using System.Collections.Concurrent;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

// Sampling is deprecated in the newest MCP revision, but it is what today's clients offer and what the server falls back to.
#pragma warning disable MCP9005

namespace McpOpenAI.Server.Tests.Prompts;

/// <summary>Prompt files through the real server process over stdio, against the fake OpenAI server.</summary>
public sealed class PromptToolEndToEndTests
{
    [Fact]
    public async Task PromptTool_WithKey_RendersTemplateCallsOpenAIAndStreamsProgress()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var openai = await FakeOpenAIServer.StartAsync(ct);
        openai.ChatReplies.Enqueue(FakeChatReply.FromText("Bonjour Ada, quel plaisir de vous voir aujourd'hui !"));
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        await using var server = await ServerProcess.StartAsync(folder, OpenAIEnvironment(openai), cancellationToken: ct);
        await using var chunks = ProgressLog.Attach(server.Client);

        var result = await server.Client.CallToolAsync("greet", new Dictionary<string, object?> { ["name"] = "Ada", ["language"] = "French" },
            chunks, cancellationToken: ct);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("Bonjour Ada, quel plaisir de vous voir aujourd'hui !", ((TextContentBlock)result.Content[0]).Text);
        await chunks.WaitForAsync(m => string.Concat(m).Length >= 52, ct);
        Assert.Equal("Bonjour Ada, quel plaisir de vous voir aujourd'hui !", string.Concat(chunks.Messages));
        var request = Assert.Single(openai.ChatRequests);
        Assert.Equal("gpt-4.1-mini", request.Model);
        Assert.Equal(0.3, request.Temperature!.Value, 3);
        Assert.Equal(["system", "user"], request.Messages.Select(m => m.Role).ToArray());
        Assert.Equal("You greet people warmly, in one sentence.", request.Messages[0].Text);
        Assert.Equal("Greet Ada in French.", request.Messages[1].Text);
        Assert.True(request.Stream);
    }

    [Fact]
    public async Task PromptTool_DefaultValue_IsUsedWhenArgumentOmitted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var openai = await FakeOpenAIServer.StartAsync(ct);
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        await using var server = await ServerProcess.StartAsync(folder, OpenAIEnvironment(openai), cancellationToken: ct);

        var result = await server.Client.CallToolAsync("greet", new Dictionary<string, object?> { ["name"] = "Linus" }, cancellationToken: ct);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("Greet Linus in English.", Assert.Single(openai.ChatRequests).Messages[1].Text);
    }

    [Fact]
    public async Task PromptTool_MissingRequiredVariable_IsRefusedBeforeOpenAI()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var openai = await FakeOpenAIServer.StartAsync(ct);
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        await using var server = await ServerProcess.StartAsync(folder, OpenAIEnvironment(openai), cancellationToken: ct);

        var result = await server.Client.CallToolAsync("greet", new Dictionary<string, object?>(), cancellationToken: ct);

        Assert.True(result.IsError);
        Assert.Contains("'name'", ((TextContentBlock)result.Content[0]).Text);
        Assert.Equal(0, openai.RequestCount());
    }

    [Fact]
    public async Task Prompts_ListAndGet_ArgumentsFromInputVariablesAndRenderedMessages()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        await using var server = await ServerProcess.StartAsync(folder, cancellationToken: ct);

        var prompts = await server.Client.ListPromptsAsync(cancellationToken: ct);
        var greet = prompts.Single(p => p.Name == "greet").ProtocolPrompt;
        var rendered = await server.Client.GetPromptAsync("greet", new Dictionary<string, object?> { ["name"] = "Grace" }, cancellationToken: ct);

        Assert.Equal("Greets someone by name.", greet.Description);
        Assert.Equal(["name", "language"], greet.Arguments!.Select(a => a.Name).ToArray());
        Assert.True(greet.Arguments![0].Required);
        Assert.False(greet.Arguments[1].Required);
        Assert.Contains("English", greet.Arguments[1].Description);
        Assert.Equal(2, rendered.Messages.Count);
        Assert.Equal("You greet people warmly, in one sentence.", ((TextContentBlock)rendered.Messages[0].Content).Text);
        Assert.Equal("Greet Grace in English.", ((TextContentBlock)rendered.Messages[1].Content).Text);
        Assert.All(rendered.Messages, m => Assert.Equal(Role.User, m.Role));
    }

    [Fact]
    public async Task PromptTool_NoKeyNoSampling_ExplainsHowToSetTheKey()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        await using var server = await ServerProcess.StartAsync(folder, cancellationToken: ct);

        var result = await server.Client.CallToolAsync("greet", new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: ct);

        Assert.True(result.IsError);
        var text = ((TextContentBlock)result.Content[0]).Text;
        Assert.StartsWith("Error (not_configured)", text);
        Assert.Contains("OPENAI_API_KEY", text);
    }

    [Fact]
    public async Task PromptTool_NoKeyClientOffersSampling_RunsOnTheClientsModel()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        var sampled = new ConcurrentQueue<CreateMessageRequestParams>();
        var options = new McpClientOptions();
        options.Handlers.SamplingHandler = (request, _, _) =>
        {
            sampled.Enqueue(request!);
            return ValueTask.FromResult(new CreateMessageResult
            {
                Model = "client-model",
                Content = [new TextContentBlock { Text = "Hello from the client's model, Ada." }],
            });
        };
        await using var server = await ServerProcess.StartAsync(folder, options: options, cancellationToken: ct);

        var result = await server.Client.CallToolAsync("greet", new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: ct);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("Hello from the client's model, Ada.", ((TextContentBlock)result.Content[0]).Text);
        var request = Assert.Single(sampled);
        Assert.Contains(request.Messages, m => m.Content.OfType<TextContentBlock>().Any(t => t.Text.Contains("Greet Ada in English.", StringComparison.Ordinal)));
    }

    internal static Dictionary<string, string?> OpenAIEnvironment(FakeOpenAIServer openai) => new()
    {
        ["OPENAI_API_KEY"] = openai.ApiKey,
        ["OPENAI_BASE_URL"] = openai.BaseUrl,
    };
}
