using System.ComponentModel;
using System.Text.Json;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Plugins;

public sealed class PluginFactoryTests
{
    [Fact]
    public void Create_KernelFunctions_ShowSnakeCaseSchemasWithoutKernelSuppliedParameters()
    {
        var plugin = PluginFactory.Create(new SamplePlugin());

        Assert.Equal("Sample", plugin.Name);
        Assert.Equal(["describe_async_work", "count_words"], plugin.Select(f => f.Name));
        var schema = ToolSchema.Of(plugin["describe_async_work"]).InputSchema;
        Assert.Equal(["topic", "max_tokens"], schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["topic"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Array, schema.GetProperty("properties").GetProperty("max_tokens").GetProperty("type").ValueKind);
    }

    [Fact]
    public void Traits_FromTheMethodsAttribute_OrEmpty()
    {
        var plugin = PluginFactory.Create(new SamplePlugin());

        var traits = plugin["count_words"].GetTraits(plugin);

        Assert.Equal("Count words", traits.Title);
        Assert.True(traits.ReadOnly);
        Assert.True(traits.Idempotent);
        Assert.Null(traits.Destructive);
        Assert.Equal(new FunctionTraits(), plugin["describe_async_work"].GetTraits(plugin));
    }

    [Fact]
    public async Task Invoke_SnakeOrCamelCaseArguments_ReachTheMethod_AndProgressComesFromTheCall()
    {
        var ct = TestContext.Current.CancellationToken;
        var function = PluginFactory.Create(new SamplePlugin())["describe_async_work"];
        var schema = ToolSchema.Of(function);
        var reports = new List<FunctionProgress>();
        var kernel = new Microsoft.SemanticKernel.Kernel(new ServiceCollection().AddSingleton<IProgress<FunctionProgress>>(AmbientProgress.Instance).BuildServiceProvider());

        using (CallContext.Begin(new CallContext { Progress = new Collect(reports) }))
        {
            var snake = await function.InvokeAsync(kernel, schema.ToArguments([new("topic", "tides"), new("max_tokens", 7)]), ct);
            var camel = await function.InvokeAsync(kernel, schema.ToArguments([new("topic", "moon"), new("maxTokens", 3)]), ct);
            Assert.Equal("tides 7", snake.GetValue<string>());
            Assert.Equal("moon 3", camel.GetValue<string>());
        }
        Assert.Equal(["working on tides", "working on moon"], reports.Select(r => r.Message));
    }

    [Fact]
    public void ToArguments_MissingRequired_InvalidArgumentNamedAsTheToolNamesIt()
    {
        var schema = ToolSchema.Of(PluginFactory.Create(new SamplePlugin())["describe_async_work"]);

        var error = Assert.Throws<FunctionException>(() => schema.ToArguments([new("max_tokens", 1)]));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("'topic'", error.Message);
    }

    [Fact]
    public void Compose_Parts_OnePluginWithEveryPartsFunctions_AndNoneIsAnError()
    {
        var plugin = PluginFactory.Compose("Both", "Two parts.", PluginFactory.Functions(new SamplePlugin()), PluginFactory.Functions(new OtherPart()));

        Assert.Equal(["count_words", "describe_async_work", "shout"], plugin.Select(f => f.Name).Order());
        Assert.All(plugin, f => Assert.Equal("Both", f.PluginName));
        Assert.Throws<ArgumentException>(() => PluginFactory.Create(new object()));
        Assert.Throws<ArgumentException>(() => PluginFactory.Compose("None", null, PluginFactory.Functions(new object())));
    }

    [Fact]
    public async Task FromAIFunction_HandWrittenSchema_IsOfferedExactly_AndCallsTheFunction()
    {
        var ct = TestContext.Current.CancellationToken;
        var schemaJson = """{"type":"object","$defs":{"p":{"type":"number"}},"properties":{"label":{"type":"string","minLength":1},"at":{"$ref":"#/$defs/p"}},"required":["label"],"additionalProperties":false}""";
        var ai = AIFunctionFactory.Create((string label) => $"label={label}", new AIFunctionFactoryOptions { Name = "place" });
        var function = KernelFunctions.FromAIFunction(new FixedSchema(ai, JsonDocument.Parse(schemaJson).RootElement), new FunctionTraits { ReadOnly = true });

        var schema = ToolSchema.Of(function);
        var result = await function.InvokeAsync(new Microsoft.SemanticKernel.Kernel(), schema.ToArguments([new("label", "x")]), ct);

        Assert.Equal(JsonDocument.Parse(schemaJson).RootElement.GetRawText(), schema.InputSchema.GetRawText());
        Assert.Equal("label=x", result.GetValue<object>()!.ToString());
        Assert.True(function.GetTraits().ReadOnly);
    }

    [Fact]
    public void OutputSchema_Records_AreObjects_TextAndRichContent_HaveNone()
    {
        var plugin = PluginFactory.Compose("Both", null, PluginFactory.Functions(new SamplePlugin()), PluginFactory.Functions(new OtherPart()));

        var counts = ToolSchema.Of(plugin["count_words"]).OutputSchema;

        Assert.Equal("object", counts!.Value.GetProperty("type").GetString());
        Assert.Null(ToolSchema.Of(plugin["describe_async_work"]).OutputSchema);
        Assert.Null(ToolSchema.Of(plugin["shout"]).OutputSchema);
    }

    private sealed class SamplePlugin
    {
        [KernelFunction("describe_async_work")]
        [Description("Works on a topic.")]
        public async Task<string> DescribeAsyncWorkAsync(
            [Description("The topic.")] string topic,
            [Description("How much.")] int? maxTokens = null,
            [FromKernelServices] IProgress<FunctionProgress>? progress = null,
            CancellationToken cancellationToken = default)
        {
            progress?.Report(new FunctionProgress(Message: $"working on {topic}"));
            await Task.Yield();
            return $"{topic} {maxTokens}";
        }

        [KernelFunction("count_words")]
        [Description("Counts words.")]
        [FunctionTraits(Title = "Count words", ReadOnly = true, Idempotent = true)]
        public WordCount CountWords([Description("The text.")] string text) => new(text.Split(' ').Length, null);
    }

    private sealed class OtherPart
    {
        [KernelFunction("shout")]
        [Description("Shouts.")]
        public FunctionOutput Shout(string text) => new(text.ToUpperInvariant());
    }

    private sealed record WordCount(int Words, string? Note);

    private sealed class Collect(List<FunctionProgress> into) : IProgress<FunctionProgress>
    {
        public void Report(FunctionProgress value) => into.Add(value);
    }

    private sealed class FixedSchema(AIFunction inner, JsonElement schema) : DelegatingAIFunction(inner)
    {
        public override JsonElement JsonSchema => schema;
    }
}
