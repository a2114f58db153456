using System.ComponentModel;
using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Plugins;

public sealed class AIPluginTests
{
    [Fact]
    public void FromObject_DescribedPublicMethods_BecomeSnakeCaseFunctionsWithSchemas()
    {
        var plugin = AIPlugin.FromObject(new SamplePlugin());

        Assert.Equal("Sample", plugin.Name);
        Assert.Equal("A sample plugin.", plugin.Description);
        Assert.Equal(["add_numbers", "describe_async_work", "custom"], plugin.Functions.Select(f => f.Name).ToArray());
        var add = plugin.Functions[0];
        Assert.Equal("Adds two numbers.", add.Description);
        var properties = add.JsonSchema.GetProperty("properties");
        Assert.Equal(["first_number", "second_number"], properties.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("integer", properties.GetProperty("first_number").GetProperty("type").GetString());
        Assert.Equal("The first addend.", properties.GetProperty("first_number").GetProperty("description").GetString());
        Assert.Equal(["first_number"], add.JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public void FromObject_HostBoundParameters_AreNotInTheSchema()
    {
        var work = AIPlugin.FromObject(new SamplePlugin()).Functions.Single(f => f.Name == "describe_async_work");

        var names = work.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(["topic"], names);
    }

    [Fact]
    public void FromObject_Traits_AreCarriedInAdditionalProperties()
    {
        var plugin = AIPlugin.FromObject(new SamplePlugin());

        var traits = plugin.Functions[0].GetTraits();
        var custom = plugin.Functions.Single(f => f.Name == "custom").GetTraits();

        Assert.Equal("Add", traits.Title);
        Assert.True(traits.ReadOnly);
        Assert.True(traits.Idempotent);
        Assert.Null(traits.Destructive);
        Assert.Null(traits.LongRunning);
        Assert.True(custom.Destructive);
        Assert.True(custom.LongRunning);
        Assert.Equal("Sample", plugin.Functions[0].AdditionalProperties[AIPlugin.PluginNameKey]);
    }

    [Fact]
    public async Task Function_InvokedDirectly_TakesSnakeOrCamelCaseArgumentsAndReturnsTheValue()
    {
        var ct = TestContext.Current.CancellationToken;
        var add = AIPlugin.FromObject(new SamplePlugin()).Functions[0];

        var snake = await add.InvokeAsync(new AIFunctionArguments { ["first_number"] = 2, ["second_number"] = 40 }, ct);
        var camel = await add.InvokeAsync(new AIFunctionArguments { ["firstNumber"] = 1 }, ct);
        var json = await add.InvokeAsync(new AIFunctionArguments { ["first_number"] = JsonDocument.Parse("5").RootElement }, ct);

        Assert.Equal(42, snake);
        Assert.Equal(11, camel);
        Assert.Equal(15, json);
    }

    [Fact]
    public async Task Function_MissingRequiredArgument_ThrowsInvalidArgumentWithSchemaName()
    {
        var ct = TestContext.Current.CancellationToken;
        var add = AIPlugin.FromObject(new SamplePlugin()).Functions[0];

        var error = await Assert.ThrowsAsync<FunctionException>(async () => await add.InvokeAsync(new AIFunctionArguments(), ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("'first_number'", error.Message);
    }

    [Fact]
    public async Task Function_ProgressReporter_FromArgumentsContextReachesTheMethod()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = AIPlugin.FromObject(new SamplePlugin()).Functions.Single(f => f.Name == "describe_async_work");
        var reports = new List<FunctionProgress>();
        var arguments = new AIFunctionArguments { ["topic"] = "tides" };
        FunctionContext.SetProgress(arguments, new SyncProgress(reports.Add));

        var result = await work.InvokeAsync(arguments, ct);

        Assert.Equal("about tides", result);
        Assert.Equal(["thinking about tides"], reports.Select(r => r.Message!).ToArray());
    }

    [Fact]
    public void FromObject_NoDescribedMethods_Throws() =>
        Assert.Throws<ArgumentException>(() => AIPlugin.FromObject(new object()));

    [Fact]
    public void Constructor_InvalidNameOrDuplicateFunctions_Throws()
    {
        var f = AIFunctionFactory.Create(() => 1, "one");

        Assert.Throws<ArgumentException>(() => new AIPlugin("bad name", null, [f]));
        Assert.Throws<ArgumentException>(() => new AIPlugin("Ok", null, [f, f]));
    }

    [Fact]
    public void FromObjects_Parts_ComposeOnePlugin()
    {
        var plugin = AIPlugin.FromObjects("Both", "Two parts.", new SamplePlugin(), new OtherPart());

        Assert.Equal("Both", plugin.Name);
        Assert.Contains(plugin.Functions, f => f.Name == "add_numbers");
        Assert.Contains(plugin.Functions, f => f.Name == "other");
        Assert.All(plugin.Functions, f => Assert.Equal("Both", f.AdditionalProperties[AIPlugin.PluginNameKey]));
    }

    [Description("A sample plugin.")]
    private sealed class SamplePlugin
    {
        [Description("Adds two numbers.")]
        [FunctionTraits(Title = "Add", ReadOnly = true, Idempotent = true)]
        public int AddNumbers([Description("The first addend.")] int firstNumber, [Description("The second addend.")] int secondNumber = 10) =>
            firstNumber + secondNumber;

        [Description("Works asynchronously and reports progress.")]
        public async Task<string> DescribeAsyncWorkAsync(string topic, IProgress<FunctionProgress> progress, CancellationToken cancellationToken)
        {
            progress.Report(new FunctionProgress(Message: $"thinking about {topic}"));
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            return $"about {topic}";
        }

        [Description("Has a custom name.")]
        [FunctionTraits(Name = "custom", Destructive = true, LongRunning = true)]
        public string Renamed() => "x";

        public string NotAFunction() => "no description, not exported";
    }

    private sealed class OtherPart
    {
        [Description("Another part's function.")]
        public string Other() => "other";
    }

    private sealed class SyncProgress(Action<FunctionProgress> report) : IProgress<FunctionProgress>
    {
        public void Report(FunctionProgress value) => report(value);
    }
}
