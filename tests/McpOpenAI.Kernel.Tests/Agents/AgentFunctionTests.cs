using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using static McpOpenAI.Kernel.Tests.Agents.AgentScript;
using FunctionResultContent = Microsoft.Extensions.AI.FunctionResultContent;

namespace McpOpenAI.Kernel.Tests.Agents;

public sealed class AgentFunctionTests : IDisposable
{
    private readonly AgentFolder _folder = new();

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

        var result = await InvokeAsync(test, agent, ("topic", "<rivers>"));

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
        Assert.True(test.Host.TryGetFunction("Agents", "helper", out _, out var helper));

        FunctionResult result;
        using (CallContext.Begin(new CallContext { Source = InvocationSource.Mcp }))
            result = await helper.InvokeAsync(test.Kernel, new KernelArguments { ["input"] = "x" }, TestContext.Current.CancellationToken);

        Assert.Equal("Paris.", result.GetValue<AgentResult>()!.Answer);
        Assert.Equal([("Agents.helper", InvocationSource.Mcp), ("Test.lookup", InvocationSource.Agent)], test.Filter.Calls);
    }

    [Fact]
    public async Task Invoke_NoApiKeyButCallerModel_RunsOnTheCallersModel()
    {
        var test = new AgentTestKernel(withChatClient: false);
        var agent = Agent(test, "instructions: hi\n");
        var caller = new AgentScript().Text("From the caller's model.");

        AgentResult result;
        using (CallContext.Begin(new CallContext { CallerChatClient = caller.Client }))
            result = await InvokeAsync(test, agent, ("input", "x"));

        Assert.Equal("From the caller's model.", result.Answer);
        Assert.Single(caller.Client.Calls);
    }

    [Fact]
    public async Task Invoke_NoModelAtAll_SaysHowToConfigureOne()
    {
        var test = new AgentTestKernel(withChatClient: false);
        var agent = Agent(test, "instructions: hi\n");

        var error = await Assert.ThrowsAsync<FunctionException>(() => InvokeAsync(test, agent, ("input", "x")));

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
    }

    [Fact]
    public async Task Invoke_MissingRequiredInput_SaysWhichOne()
    {
        var test = new AgentTestKernel();
        var agent = Agent(test, "input_variables:\n  - name: question\n    description: The question.\ninstructions: hi\n");

        var error = await Assert.ThrowsAsync<FunctionException>(() => InvokeAsync(test, agent));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("'question'", error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Script.Client.Calls);
    }

    [Fact]
    public async Task Invoke_Session_ContinuesWithTheEarlierTurns()
    {
        var test = new AgentTestKernel();
        test.Script.Calls(("lookup", Args(("key", "capital")))).Text("Paris.").Text("Still Paris.");
        var sessions = new AgentSessionStore(Path.Combine(_folder.Root, "data", "sessions.db"));
        var agent = Agent(test, "input_variables:\n  - name: question\ninstructions: hi\ntools: [Test]\n", sessions);

        var first = await InvokeAsync(test, agent, ("question", "Capital?"));
        var second = await InvokeAsync(test, agent, ("question", "Are you sure?"), ("session", first.Session));

        Assert.NotNull(first.Session);
        Assert.Equal(first.Session, second.Session);
        var sent = test.Script.Client.LastCall.Messages;
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user"], sent.Select(m => m.Role.Value));
        Assert.Equal("Capital?", sent[1].Text);
        Assert.Equal("lookup", sent[2].Contents.OfType<Microsoft.Extensions.AI.FunctionCallContent>().Single().Name);
        Assert.Equal("Paris", sent[3].Contents.OfType<FunctionResultContent>().Single().Result?.ToString());
        Assert.Equal("Paris.", sent[4].Text);
        Assert.Equal("Are you sure?", sent[5].Text);
    }

    [Fact]
    public async Task Invoke_LongSession_SendsOnlyTheNewestTurnsThatFit()
    {
        var test = new AgentTestKernel();
        var sessions = new AgentSessionStore(Path.Combine(_folder.Root, "sessions.db"));
        var agent = Agent(test, "input_variables:\n  - name: question\ninstructions: hi\nsession:\n  max_history_tokens: 60\n", sessions);
        string? session = null;
        for (var i = 1; i <= 4; i++)
        {
            test.Script.Text($"Answer {i}: " + new string('x', 80));
            session = (await InvokeAsync(test, agent, ("question", $"Question {i}"), ("session", session))).Session;
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
        var sessions = new AgentSessionStore(Path.Combine(_folder.Root, "sessions.db"));
        var test = new AgentTestKernel();
        var other = new AgentTestKernel();
        var one = Agent(test, "name: one\ninstructions: hi\n", sessions);
        var two = Agent(other, "name: two\ninstructions: hi\n", sessions);
        var first = await InvokeAsync(test, one, ("input", "x"));

        var unknown = await Assert.ThrowsAsync<FunctionException>(() => InvokeAsync(test, one, ("input", "x"), ("session", "nope")));
        var foreign = await Assert.ThrowsAsync<FunctionException>(() => InvokeAsync(other, two, ("input", "x"), ("session", first.Session)));

        Assert.Equal(ErrorCodes.NotFound, unknown.Code);
        Assert.Contains("belongs to the agent 'one'", foreign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Progress_StreamsTheAnswerAndToolLines()
    {
        var test = new AgentTestKernel();
        test.Script.Calls(("lookup", Args(("key", "river")))).Text("The Seine.");
        var agent = Agent(test, "instructions: hi\ntools: [Test]\n");
        var progress = new ProgressLog();

        using (CallContext.Begin(new CallContext { Progress = progress }))
            await InvokeAsync(test, agent, ("input", "x"));

        Assert.Matches(@"^\[→ lookup\(\{""key"":""river""\}\)\]\[✓ lookup ok in \d+ ms\]The Seine\.$", progress.Transcript);
    }

    [Fact]
    public void Function_DeclaresTheInputsTheSessionAndTheResult()
    {
        var agent = Agent(new AgentTestKernel(), """
            name: helper
            description: Helps.
            input_variables:
              - name: question
                description: The question.
              - name: depth
                default: quick
            instructions: hi
            """);

        var schema = ToolSchema.Of(agent.Function);

        Assert.Equal("Helps.", agent.Function.Description);
        Assert.Equal(["question", "depth", "session"], schema.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["question"], schema.Required);
        Assert.Equal("quick", schema.InputSchema.GetProperty("properties").GetProperty("depth").GetProperty("default").GetString());
        Assert.True(schema.OutputSchema!.Value.GetProperty("properties").TryGetProperty("stop_reason", out _));
        Assert.Equal(new FunctionTraits { Title = "helper", ReadOnly = false, OpenWorld = true, Idempotent = false, LongRunning = true }, agent.Function.GetTraits());
    }

    private AgentFunction Agent(AgentTestKernel test, string yaml, AgentSessionStore? sessions = null)
    {
        var name = $"a{Guid.NewGuid():N}";
        _folder.Write(Path.Combine(name, "agent.agent.yaml"), yaml);
        using var source = new AgentPluginSource(test.Host, Path.Combine(_folder.Root, name), sessions);
        var result = source.Reload();
        Assert.Empty(result.Errors);
        return Assert.Single(result.Agents);
    }

    private void Load(AgentTestKernel test, string file, string yaml)
    {
        _folder.Write(Path.Combine("loaded", file), yaml);
        using var source = new AgentPluginSource(test.Host, Path.Combine(_folder.Root, "loaded"));
        Assert.Empty(source.Reload().Errors);
    }

    private static async Task<AgentResult> InvokeAsync(AgentTestKernel test, AgentFunction agent, params (string Name, object? Value)[] inputs)
    {
        var arguments = new KernelArguments();
        foreach (var (name, value) in inputs)
            arguments[name] = value;
        var result = await agent.Function.InvokeAsync(test.Kernel, arguments, TestContext.Current.CancellationToken);
        return result.GetValue<AgentResult>()!;
    }
}
