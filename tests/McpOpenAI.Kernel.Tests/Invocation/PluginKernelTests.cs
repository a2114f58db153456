using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.TestKit.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Kernel.Tests.Invocation;

public sealed class PluginKernelTests
{
    [Fact]
    public async Task InvokeAsync_FiltersRunInOrderAroundTheFunction()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = new List<string>();
        var kernel = new PluginKernel(filters: [new RecordingFilter("outer", log), new RecordingFilter("inner", log)]);
        kernel.Plugins.Add(AIPlugin.FromObject(new EchoPlugin(log)));

        var result = await kernel.InvokeAsync("Echo", "echo", new AIFunctionArguments { ["text"] = "hi" }, new InvocationOptions { Source = InvocationSource.Mcp, CallerId = "alice" }, ct);

        Assert.Equal("hi", result);
        Assert.Equal(["outer>Echo.echo Mcp alice", "inner>Echo.echo Mcp alice", "echo hi", "inner<", "outer<"], log);
    }

    [Fact]
    public async Task InvokeAsync_FilterShortCircuits_FunctionDoesNotRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = new List<string>();
        var kernel = new PluginKernel(filters: [new DenyFilter()]);
        kernel.Plugins.Add(AIPlugin.FromObject(new EchoPlugin(log)));

        var error = await Assert.ThrowsAsync<FunctionException>(async () => await kernel.InvokeAsync("echo", "ECHO", new AIFunctionArguments { ["text"] = "x" }, cancellationToken: ct));

        Assert.Equal(ErrorCodes.PermissionDenied, error.Code);
        Assert.Empty(log);
    }

    [Fact]
    public async Task InvokeAsync_UnknownFunction_ThrowsNotFound()
    {
        var ct = TestContext.Current.CancellationToken;
        var kernel = new PluginKernel();

        var error = await Assert.ThrowsAsync<FunctionException>(async () => await kernel.InvokeAsync("Nope", "none", cancellationToken: ct));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
    }

    [Fact]
    public void TryGetFunction_QualifiedNames_DotAndHyphenBothResolve()
    {
        var kernel = new PluginKernel();
        kernel.Plugins.Add(AIPlugin.FromObject(new EchoPlugin([])));

        Assert.True(kernel.TryGetFunction("Echo.echo", out _, out var dotted));
        Assert.True(kernel.TryGetFunction("echo-echo", out _, out var hyphen));
        Assert.Same(dotted, hyphen);
        Assert.False(kernel.TryGetFunction("echo", out _, out _));
    }

    [Fact]
    public async Task GetKernelFunctions_CallThroughTheFiltersUnderUniqueNames()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = new List<string>();
        var kernel = new PluginKernel(filters: [new RecordingFilter("f", log)]);
        kernel.Plugins.Add(AIPlugin.FromObject(new EchoPlugin(log)));
        kernel.Plugins.Add(new AIPlugin("Other", null, [AIFunctionFactory.Create((string text) => text.ToUpperInvariant(), "echo")]));

        var functions = kernel.GetKernelFunctions(options: new InvocationOptions { Source = InvocationSource.Agent });
        var echo = functions.Single(f => f.Name == "echo_echo");
        var result = await echo.InvokeAsync(new AIFunctionArguments { ["text"] = "via kernel" }, ct);

        Assert.Equal(["echo_echo", "other_echo"], functions.Select(f => f.Name).Order().ToArray());
        Assert.Equal("via kernel", result);
        Assert.Contains("f>Echo.echo Agent ", log);
        Assert.Single(kernel.GetKernelFunctions(["other"]));
    }

    [Fact]
    public void GetChatClient_ConfiguredProviderWinsOverCallersSamplingClient()
    {
        var configured = ScriptedChatClient.Answering("configured");
        var sampling = ScriptedChatClient.Answering("sampling");
        var services = new ServiceCollection().AddSingleton<global::McpOpenAI.Kernel.Chat.IChatClientProvider>(new FixedProvider(configured)).BuildServiceProvider();
        var arguments = new AIFunctionArguments();
        FunctionContext.SetCallerChatClient(arguments, sampling);

        Assert.Same(configured, new PluginKernel(services).GetChatClient(arguments));
        Assert.Same(sampling, new PluginKernel().GetChatClient(arguments));
    }

    [Fact]
    public void GetChatClient_NeitherAvailable_ThrowsNotConfiguredWithHowTo()
    {
        var error = Assert.Throws<FunctionException>(() => new PluginKernel().GetChatClient());

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
        Assert.Contains(error.Suggestions, s => s.Contains("OPENAI_API_KEY", StringComparison.Ordinal));
    }

    [Fact]
    public void Plugins_ChangedEvent_RaisedOncePerUpdate()
    {
        var kernel = new PluginKernel();
        var changes = 0;
        kernel.Plugins.Changed += (_, _) => changes++;

        kernel.Plugins.Add(AIPlugin.FromObject(new EchoPlugin([])));
        kernel.Plugins.Update(d => d);
        kernel.Plugins.Update(d => d.Remove("Echo").Add("A", new AIPlugin("A", null, [AIFunctionFactory.Create(() => 1, "one")])));
        Assert.False(kernel.Plugins.Remove("missing"));

        Assert.Equal(2, changes);
        Assert.Throws<InvalidOperationException>(() => kernel.Plugins.Add(new AIPlugin("a", null, [AIFunctionFactory.Create(() => 1, "one")])));
    }

    private sealed class EchoPlugin(List<string> log)
    {
        [Description("Echoes the text.")]
        public string Echo(string text)
        {
            log.Add($"echo {text}");
            return text;
        }
    }

    private sealed class RecordingFilter(string name, List<string> log) : IFunctionInvocationFilter
    {
        public async ValueTask<object?> InvokeAsync(FunctionInvocationContext context, FunctionInvocationDelegate next)
        {
            log.Add($"{name}>{context.QualifiedName} {context.Source} {context.CallerId}");
            var result = await next(context);
            log.Add($"{name}<");
            return result;
        }
    }

    private sealed class DenyFilter : IFunctionInvocationFilter
    {
        public ValueTask<object?> InvokeAsync(FunctionInvocationContext context, FunctionInvocationDelegate next) =>
            throw new FunctionException(ErrorCodes.PermissionDenied, $"{context.QualifiedName} is not allowed.");
    }

    private sealed class FixedProvider(IChatClient client) : global::McpOpenAI.Kernel.Chat.IChatClientProvider
    {
        public IChatClient? GetChatClient() => client;
    }
}
