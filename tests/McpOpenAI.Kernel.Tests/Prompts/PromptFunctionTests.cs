using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using McpOpenAI.TestKit.Chat;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Prompts;

public sealed class PromptFunctionTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static PromptFunction Create(PromptTestKernel kernel, IReadOnlyList<PromptExecutionSettings>? settings = null) =>
        new(new PromptDefinition
        {
            Name = "Summarize",
            Description = "Summarizes.",
            Template = "<message role=\"system\">Length: {{$length}}</message><message role=\"user\">{{$text}}</message>",
            InputVariables =
            [
                new() { Name = "text", Description = "The text." },
                new() { Name = "length", Description = "How long.", Default = "short" },
                new() { Name = "note", IsRequired = false },
                new() { Name = "count", JsonSchema = """{"type":"integer"}""", IsRequired = false },
            ],
            InputVariablesDeclared = true,
            ExecutionSettings = settings ?? [],
        }, "Writer", kernel.Kernel);

    private static PromptExecutionSettings Settings(string serviceId, string json)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var model = values.Remove("model_id", out var m) ? m.GetString() : null;
        return new PromptExecutionSettings(serviceId, model, values);
    }

    [Fact]
    public void Metadata_DescribesFunction()
    {
        var function = Create(new PromptTestKernel());

        Assert.Equal("Summarize", function.Name);
        Assert.Equal("Summarizes.", function.Description);
        Assert.Equal("Writer", function.AdditionalProperties[AIPlugin.PluginNameKey]);
        Assert.Equal(new FunctionTraits { ReadOnly = false, OpenWorld = true, Idempotent = false, LongRunning = true }, function.GetTraits());
    }

    [Fact]
    public void JsonSchema_StringsDefaultsAndRequired()
    {
        var schema = Create(new PromptTestKernel()).JsonSchema;

        var properties = schema.GetProperty("properties");
        Assert.Equal("string", properties.GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("The text.", properties.GetProperty("text").GetProperty("description").GetString());
        Assert.Equal("short", properties.GetProperty("length").GetProperty("default").GetString());
        Assert.Equal("integer", properties.GetProperty("count").GetProperty("type").GetString());
        Assert.Equal(["text"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task RenderMessages_FillsDefaults()
    {
        var messages = await Create(new PromptTestKernel()).RenderMessagesAsync(PromptTestKernel.Args(("text", "Hello")), Ct);

        Assert.Collection(messages,
            m => Assert.Equal((ChatRole.System, "Length: short"), (m.Role, m.Text)),
            m => Assert.Equal((ChatRole.User, "Hello"), (m.Role, m.Text)));
    }

    [Fact]
    public async Task Invoke_MissingRequiredVariable_ThrowsInvalidArgument()
    {
        var kernel = new PromptTestKernel();

        var error = await Assert.ThrowsAsync<FunctionException>(() => Create(kernel).InvokeAsync(new AIFunctionArguments(), Ct).AsTask());

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("'text'", error.Message, StringComparison.Ordinal);
        Assert.Empty(kernel.Client.Calls);
    }

    [Fact]
    public async Task Invoke_StreamsAndReturnsFullAnswer()
    {
        var kernel = new PromptTestKernel(ScriptedChatClient.Streaming("The summary.", 2));

        var result = await Create(kernel).InvokeAsync(PromptTestKernel.Args(("text", "Long text")), Ct);

        Assert.Equal("The summary.", result);
        var call = Assert.Single(kernel.Client.Calls);
        Assert.True(call.Streaming);
        Assert.Equal(["Length: short", "Long text"], call.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Invoke_ExecutionSettings_ReachChatOptions()
    {
        var kernel = new PromptTestKernel();
        var settings = new[]
        {
            Settings("other", """{"temperature": 1.5}"""),
            Settings("default", """
                {"model_id":"gpt-test","temperature":0.25,"top_p":0.9,"max_tokens":123,"stop_sequences":["END"],"seed":42,
                 "presence_penalty":0.5,"response_format":"json_object","logprobs":true}
                """),
        };

        await Create(kernel, settings).InvokeAsync(PromptTestKernel.Args(("text", "x")), Ct);

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

        await Create(kernel, [Settings("azure", """{"max_tokens": 7, "response_format": "text"}""")]).InvokeAsync(PromptTestKernel.Args(("text", "x")), Ct);

        Assert.Equal(7, kernel.Client.LastCall.Options!.MaxOutputTokens);
        Assert.IsType<ChatResponseFormatText>(kernel.Client.LastCall.Options!.ResponseFormat);
    }

    [Fact]
    public async Task Invoke_JsonSchemaResponseFormat_MapsSchema()
    {
        var kernel = new PromptTestKernel();
        var settings = Settings("default", """
            {"response_format": {"type": "json_schema", "json_schema": {"name": "answer", "schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}}
            """);

        await Create(kernel, [settings]).InvokeAsync(PromptTestKernel.Args(("text", "x")), Ct);

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
        var args = PromptTestKernel.Args(("text", "x"));
        FunctionContext.SetProgress(args, progress);

        var result = await Create(kernel).InvokeAsync(args, Ct);

        Assert.Equal(text, result);
        Assert.All(progress.Reports, r => Assert.Equal(ProgressKind.TextDelta, r.Kind));
        Assert.Equal(text, string.Concat(progress.Reports.Select(r => r.Message)));
        Assert.InRange(progress.Reports.Count, 1, 100);
    }

    [Fact]
    public async Task Invoke_NoChatClient_ThrowsNotConfigured()
    {
        var function = new PromptFunction(new PromptDefinition { Name = "P", Template = "hi" }, "Writer", new PluginKernel());

        var error = await Assert.ThrowsAsync<FunctionException>(() => function.InvokeAsync(new AIFunctionArguments(), Ct).AsTask());

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
    }

    [Fact]
    public void InputVariables_NotDeclared_InferredFromTemplate()
    {
        var function = new PromptFunction(new PromptDefinition { Name = "P", Template = "{{$input}} {{Text.upper $other}}" }, "Writer", new PluginKernel());

        Assert.Equal(["input", "other"], function.InputVariables.Select(v => v.Name));
    }
}
