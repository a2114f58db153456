using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Tests.Prompts;
using Microsoft.Extensions.AI;
using static McpOpenAI.Kernel.Tests.Agents.AgentScript;

namespace McpOpenAI.Kernel.Tests.Agents;

public sealed class AgentFunctionTests : IDisposable
{
    private readonly PromptTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Invoke_RendersInstructionsAndMessage_SendsOnlyAllowedTools()
    {
        var test = new AgentTestKernel();
        test.Script.Text("Fine.");
        var agent = Agent(test, """
            name: helper
            input_variables:
              - name: topic
            instructions: |
              Talk about {{$topic}} & {{Text.markup}}.
            message: "Tell me about {{$topic}}."
            tools: [Test.lookup, Text]
            execution_settings:
              default:
                model_id: m1
                temperature: 0.5
            """);

        var result = (AgentResult)(await agent.InvokeAsync(Input(("topic", "<rivers>")), TestContext.Current.CancellationToken))!;

        var call = test.Script.Client.LastCall;
        Assert.Equal("Talk about <rivers> & <b>bold</b>.", call.Messages[0].Text);
        Assert.Equal(ChatRole.System, call.Messages[0].Role);
        Assert.Equal("Tell me about <rivers>.", call.Messages[1].Text);
        Assert.Equal(["lookup", "upper", "join", "markup", "point"], call.Options!.Tools!.Select(t => t.Name));
        Assert.Equal("m1", call.Options.ModelId);
        Assert.Equal(0.5f, call.Options.Temperature);
        Assert.Equal("Fine.", result.Answer);
        Assert.Null(result.Session);
    }

    [Fact]
    public async Task Invoke_ThroughTheKernel_ToolCallsPassTheFiltersAsAgent()
    {
        var test = new AgentTestKernel();
        test.Script.Calls(("lookup", Args(("key", "capital")))).Text("Paris.");
        Load(test, "helper.agent.yaml", "instructions: hi\ntools: [Test]\n");

        var result = (AgentResult)(await test.Kernel.InvokeAsync("Agents", "helper", Input(("input", "x")),
            new InvocationOptions { Source = InvocationSource.Mcp }, TestContext.Current.CancellationToken))!;

        Assert.Equal("Paris.", result.Answer);
        Assert.Equal([("Agents.helper", InvocationSource.Mcp), ("Test.lookup", InvocationSource.Agent)], test.Filter.Calls);
    }

    [Fact]
    public async Task Invoke_NoApiKeyButCallerModel_RunsOnTheCallersModel()
    {
        var test = new AgentTestKernel(withChatClient: false);
        var agent = Agent(test, "instructions: hi\n");
        var caller = Answering("From the caller's model.");
        var arguments = Input(("input", "x"));
        FunctionContext.SetCallerChatClient(arguments, caller.Client);

        var result = (AgentResult)(await agent.InvokeAsync(arguments, TestContext.Current.CancellationToken))!;

        Assert.Equal("From the caller's model.", result.Answer);
        Assert.Single(caller.Client.Calls);
    }

    [Fact]
    public async Task Invoke_NoModelAtAll_SaysHowToConfigureOne()
    {
        var test = new AgentTestKernel(withChatClient: false);
        var agent = Agent(test, "instructions: hi\n");

        var error = await Assert.ThrowsAsync<FunctionException>(async () => await agent.InvokeAsync(Input(("input", "x")), TestContext.Current.CancellationToken));

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
    }

    [Fact]
    public async Task Invoke_Session_ContinuesWithTheEarlierTurns()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = new AgentTestKernel();
        test.Script.Calls(("lookup", Args(("key", "capital")))).Text("Paris.").Text("Still Paris.");
        var sessions = new AgentSessionStore(Path.Combine(_folder.Root, "data", "sessions.db"));
        var agent = Agent(test, "input_variables:\n  - name: question\ninstructions: hi\ntools: [Test]\n", sessions);

        var first = (AgentResult)(await agent.InvokeAsync(Input(("question", "Capital?")), ct))!;
        var second = (AgentResult)(await agent.InvokeAsync(Input(("question", "Are you sure?"), ("session", first.Session)), ct))!;

        Assert.NotNull(first.Session);
        Assert.Equal(first.Session, second.Session);
        var sent = test.Script.Client.LastCall.Messages;
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user"], sent.Select(m => m.Role.Value));
        Assert.Equal("Capital?", sent[1].Text);
        Assert.Equal("Paris", sent[3].Contents.OfType<FunctionResultContent>().Single().Result?.ToString());
        Assert.Equal("Paris.", sent[4].Text);
        Assert.Equal("Are you sure?", sent[5].Text);
    }

    [Fact]
    public async Task Invoke_LongSession_SendsOnlyTheNewestTurnsThatFit()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = new AgentTestKernel();
        var sessions = new AgentSessionStore(Path.Combine(_folder.Root, "sessions.db"));
        var agent = Agent(test, "input_variables:\n  - name: question\ninstructions: hi\nsession:\n  max_history_tokens: 60\n", sessions);
        string? session = null;
        for (var i = 1; i <= 4; i++)
        {
            test.Script.Text($"Answer {i}: " + new string('x', 80));
            var result = (AgentResult)(await agent.InvokeAsync(Input(("question", $"Question {i}"), ("session", session)), ct))!;
            session = result.Session;
        }

        var sent = test.Script.Client.LastCall.Messages;
        // Each turn is ~35 tokens, so only turn 3 fits before the new question; it is kept whole.
        Assert.Equal(["system", "user", "assistant", "user"], sent.Select(m => m.Role.Value));
        Assert.Equal("Question 3", sent[1].Text);
        Assert.Equal("Question 4", sent[3].Text);
    }

    [Fact]
    public async Task Invoke_UnknownOrForeignSession_ClearError()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = new AgentTestKernel();
        var sessions = new AgentSessionStore(Path.Combine(_folder.Root, "sessions.db"));
        var one = Agent(test, "name: one\ninstructions: hi\n", sessions);
        var two = Agent(new AgentTestKernel(), "name: two\ninstructions: hi\n", sessions);
        var first = (AgentResult)(await one.InvokeAsync(Input(("input", "x")), ct))!;

        var unknown = await Assert.ThrowsAsync<FunctionException>(async () => await one.InvokeAsync(Input(("input", "x"), ("session", "nope")), ct));
        var foreign = await Assert.ThrowsAsync<FunctionException>(async () => await two.InvokeAsync(Input(("input", "x"), ("session", first.Session)), ct));

        Assert.Equal(ErrorCodes.NotFound, unknown.Code);
        Assert.Contains("belongs to the agent 'one'", foreign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Progress_StreamsTheAnswerAndToolLines()
    {
        var test = new AgentTestKernel();
        test.Script.Calls(("lookup", Args(("key", "river")))).Text("The Seine.");
        var agent = Agent(test, "instructions: hi\ntools: [Test]\n");
        var progress = new RecordingProgress();
        var arguments = Input(("input", "x"));
        FunctionContext.SetProgress(arguments, progress);

        await agent.InvokeAsync(arguments, TestContext.Current.CancellationToken);

        Assert.Collection(progress.Reports,
            r => Assert.StartsWith("→ lookup(", r.Message, StringComparison.Ordinal),
            r => Assert.StartsWith("✓ lookup ok", r.Message, StringComparison.Ordinal),
            r => Assert.Equal((ProgressKind.TextDelta, "The Seine."), (r.Kind, r.Message)));
    }

    private AgentFunction Agent(AgentTestKernel test, string yaml, AgentSessionStore? sessions = null)
    {
        var name = $"a{Guid.NewGuid():N}";
        _folder.Write(Path.Combine(name, "agent.agent.yaml"), yaml);
        using var source = new AgentPluginSource(test.Kernel, Path.Combine(_folder.Root, name), sessions);
        var result = source.Reload();
        Assert.Empty(result.Errors);
        return Assert.Single(result.Agents);
    }

    private void Load(AgentTestKernel test, string file, string yaml)
    {
        _folder.Write(Path.Combine("loaded", file), yaml);
        using var source = new AgentPluginSource(test.Kernel, Path.Combine(_folder.Root, "loaded"));
        Assert.Empty(source.Reload().Errors);
    }

    private static AIFunctionArguments Input(params (string Name, object? Value)[] values) => PromptTestKernel.Args(values);

    private static AgentScript Answering(string text) => new AgentScript().Text(text);
}
