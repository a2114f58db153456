using System.Text.Json;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Tests.Chat;
using McpOpenAI.TestKit.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Prompts;

public sealed class PromptFunctionTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly PromptTestFolder _folder = new();
    private readonly List<Kernel.Prompts.PromptPluginSource> _sources = [];

    public void Dispose()
    {
        _sources.ForEach(s => s.Dispose());
        _folder.Dispose();
    }

    private const string Summarize = """
        name: Summarize
        description: Summarizes.
        template: '<message role="system">Length: {{$length}}</message><message role="user">{{$text}}</message>'
        input_variables:
          - name: text
            description: The text.
          - name: length
            description: How long.
            default: short
          - name: note
            is_required: false
          - name: count
            is_required: false
            json_schema: '{"type":"integer"}'
        """;

    // Loads the Summarize prompt (with the given execution settings) as a server does: from a file in a prompts folder.
    private TestPrompt Load(PromptTestKernel kernel, string settings = "")
    {
        _folder.Write("Writer/Summarize.yaml", Summarize + "\n" + settings);
        var source = new Kernel.Prompts.PromptPluginSource(kernel.Host, _folder.Root);
        _sources.Add(source);
        Assert.Empty(source.Reload().Errors);
        Assert.True(kernel.Host.TryGetFunction("Writer", "Summarize", out var plugin, out var function));
        Assert.True(((IPromptPlugin)plugin).TryGetPrompt(function.Name, out var prompt));
        return new TestPrompt(kernel.Host, (PromptPlugin)plugin, function, prompt);
    }

    [Fact]
    public void Metadata_DescribesFunction()
    {
        var prompt = Load(new PromptTestKernel());

        Assert.Equal("Summarize", prompt.Function.Name);
        Assert.Equal("Writer", prompt.Function.PluginName);
        Assert.Equal("Summarizes.", prompt.Function.Description);
        Assert.Equal(new FunctionTraits { ReadOnly = false, OpenWorld = true, Idempotent = false, LongRunning = true }, prompt.Function.GetTraits(prompt.Plugin));
        Assert.True(prompt.Prompt.StreamsText);
        Assert.Equal([("text", true, null), ("length", false, "short"), ("note", false, null), ("count", false, null)],
            prompt.Prompt.Parameters.Select(p => (p.Name, p.IsRequired, p.Default)));
    }

    [Fact]
    public void ToolSchema_StringsDefaultsAndRequired_EachVariableTextOrItsSchema()
    {
        var prompt = Load(new PromptTestKernel());

        var schema = ToolSchema.Of(prompt.Function, prompt.Plugin).InputSchema;

        Assert.Equal("""
            {"type":"object","properties":{"text":{"type":"string","description":"The text."},"length":{"type":"string","description":"How long.","default":"short"},"note":{"type":"string"},"count":{"type":"integer"}},"required":["text"]}
            """, schema.GetRawText());
    }

    [Fact]
    public async Task RenderMessages_FillsDefaults()
    {
        var messages = await Load(new PromptTestKernel()).RenderMessagesAsync(PromptTestKernel.Args(("text", "Hello")), Ct);

        Assert.Collection(messages,
            m => Assert.Equal((ChatRole.System, "Length: short"), (m.Role, m.Text)),
            m => Assert.Equal((ChatRole.User, "Hello"), (m.Role, m.Text)));
    }

    [Fact]
    public async Task Invoke_NullArgument_TakesTheDefault()
    {
        var kernel = new PromptTestKernel();

        await Load(kernel).InvokeAsync(PromptTestKernel.Args(("text", "x"), ("length", JsonSerializer.SerializeToElement<string?>(null))), Ct);

        Assert.Equal("Length: short", kernel.Client.LastCall.Messages[0].Text);
    }

    [Fact]
    public async Task Invoke_MissingRequiredVariable_ThrowsInvalidArgumentNamingIt()
    {
        var kernel = new PromptTestKernel();
        var prompt = Load(kernel);

        var error = await Assert.ThrowsAsync<FunctionException>(() => prompt.InvokeAsync([], Ct));
        var tool = await Assert.ThrowsAsync<FunctionException>(() => prompt.InvokeAsync(ToolSchema.Of(prompt.Function, prompt.Plugin).ToArguments([]), Ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("Invalid argument 'text': 'Summarize' needs a value for 'text' (The text.).", error.Message);
        Assert.Equal(error.Message, tool.Message);
        Assert.Empty(kernel.Client.Calls);
    }

    [Fact]
    public async Task Invoke_StreamsAndReturnsFullAnswer()
    {
        var kernel = new PromptTestKernel(ScriptedChatClient.Streaming("The summary.", 2));

        var result = await Load(kernel).InvokeAsync(PromptTestKernel.Args(("text", "Long text")), Ct);

        Assert.Equal("The summary.", result);
        var call = Assert.Single(kernel.Client.Calls);
        Assert.True(call.Streaming);
        Assert.Equal(["Length: short", "Long text"], call.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Invoke_NoMessageTags_ModelReadsTheCallersTextDecoded()
    {
        var kernel = new PromptTestKernel();
        var prompt = kernel.Create("Repeat: {{$text}}");
        var args = PromptTestKernel.Args(("text", "Tom & Jerry's <3"));

        await prompt.InvokeAsync(args, Ct);
        var rendered = await prompt.RenderMessagesAsync(args, Ct);

        var sent = Assert.Single(kernel.Client.LastCall.Messages);
        Assert.Equal((ChatRole.User, "Repeat: Tom & Jerry's <3"), (sent.Role, sent.Text));
        Assert.Equal(sent.Text, Assert.Single(rendered).Text);
    }

    [Fact]
    public async Task Invoke_ExecutionSettings_ReachChatOptions()
    {
        var kernel = new PromptTestKernel();
        var prompt = Load(kernel, """
            execution_settings:
              other:
                temperature: 1.5
              default:
                model_id: gpt-test
                temperature: 0.25
                top_p: 0.9
                max_tokens: 123
                stop_sequences: [END]
                seed: 42
                presence_penalty: 0.5
                response_format: json_object
                logprobs: true
            """);

        await prompt.InvokeAsync(PromptTestKernel.Args(("text", "x")), Ct);

        var options = kernel.Client.LastCall.Options!;
        Assert.Equal("gpt-test", options.ModelId);
        Assert.Equal(0.25f, options.Temperature);
        Assert.Equal(0.9f, options.TopP);
        Assert.Equal(123, options.MaxOutputTokens);
        Assert.Equal(["END"], options.StopSequences!);
        Assert.Equal(42, options.Seed);
        Assert.Equal(0.5f, options.PresencePenalty);
        Assert.IsType<ChatResponseFormatJson>(options.ResponseFormat);
        Assert.True(options.AdditionalProperties!.ContainsKey("logprobs"));
    }

    [Fact]
    public async Task Invoke_OnlyEntryNotDefault_IsUsed()
    {
        var kernel = new PromptTestKernel();

        await Load(kernel, "execution_settings:\n  azure:\n    max_tokens: 7\n    response_format: text\n    stop_sequences: STOP\n")
            .InvokeAsync(PromptTestKernel.Args(("text", "x")), Ct);

        Assert.Equal(7, kernel.Client.LastCall.Options!.MaxOutputTokens);
        Assert.IsType<ChatResponseFormatText>(kernel.Client.LastCall.Options!.ResponseFormat);
        Assert.Equal(["STOP"], kernel.Client.LastCall.Options!.StopSequences!);
    }

    [Fact]
    public async Task Invoke_JsonSchemaResponseFormat_MapsSchema()
    {
        var kernel = new PromptTestKernel();
        var prompt = Load(kernel, """
            execution_settings:
              default:
                response_format:
                  type: json_schema
                  json_schema:
                    name: answer
                    schema:
                      type: object
                      properties:
                        a:
                          type: string
            """);

        await prompt.InvokeAsync(PromptTestKernel.Args(("text", "x")), Ct);

        var format = Assert.IsType<ChatResponseFormatJson>(kernel.Client.LastCall.Options!.ResponseFormat);
        Assert.Equal("answer", format.SchemaName);
        Assert.Equal("object", format.Schema!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invoke_ManySmallChunks_ProgressIsBatched()
    {
        var text = string.Concat(Enumerable.Range(0, 1000).Select(i => (char)('a' + (i % 26))));
        var kernel = new PromptTestKernel(ScriptedChatClient.Streaming(text, 1));
        var progress = new RecordingProgress();
        var prompt = Load(kernel);

        object? result;
        using (CallContext.Begin(new CallContext { Progress = progress }))
            result = await prompt.InvokeAsync(PromptTestKernel.Args(("text", "x")), Ct);

        Assert.Equal(text, result);
        Assert.All(progress.Reports, r => Assert.Equal(ProgressKind.TextDelta, r.Kind));
        Assert.Equal(text, string.Concat(progress.Reports.Select(r => r.Message)));
        Assert.InRange(progress.Reports.Count, 1, 100);
    }

    // A prompt function in a kernel whose chat client is the server's: OpenAI, else the caller's model; no key is configured.
    private static (KernelHost Host, PromptPlugin Plugin) WithoutKey(string template)
    {
        var monitor = new TestOptionsMonitor<OpenAIOptions>(new OpenAIOptions());
        var services = new ServiceCollection().AddSingleton<IChatClient>(new AmbientChatClient(monitor, new OpenAIClientFactory(monitor))).BuildServiceProvider();
        var host = new KernelHost(services);
        var (function, prompt) = Kernel.Prompts.PromptFunctionFactory.Create(new PromptTemplateConfig(template) { Name = "P" });
        var plugin = new PromptPlugin("Writer", null, [(function, prompt)]);
        host.Set(plugin);
        return (host, plugin);
    }

    [Fact]
    public async Task Invoke_NoKeyAndNoCallerModel_ThrowsNotConfigured()
    {
        var (host, plugin) = WithoutKey("hi");

        var error = await Assert.ThrowsAsync<FunctionException>(() => KernelCalls.InvokeAsync(host.Kernel, plugin, plugin["P"], [], Ct));

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
    }

    [Fact]
    public async Task Invoke_NoKey_RunsOnTheCallersModel()
    {
        var (host, plugin) = WithoutKey("Say {{$word}}");
        var callers = ScriptedChatClient.Streaming("said");

        object? result;
        using (CallContext.Begin(new CallContext { CallerChatClient = callers }))
            result = await KernelCalls.InvokeAsync(host.Kernel, plugin, plugin["P"], new KernelArguments { ["word"] = "hi" }, Ct);

        Assert.Equal("said", result);
        Assert.Equal("Say hi", Assert.Single(callers.Calls).Messages.Single().Text);
    }

    [Fact]
    public void InputVariables_NotDeclared_InferredFromTemplate()
    {
        var prompt = new PromptTestKernel().Create("{{$input}} {{Text.upper $other}}");

        Assert.Equal(["input", "other"], prompt.Prompt.Parameters.Select(p => p.Name));
        Assert.Equal(["input", "other"], prompt.Function.Metadata.Parameters.Select(p => p.Name));
    }
}
