using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Hosting;

public sealed class KernelHostTests
{
    [Fact]
    public async Task Invoke_KernelFilters_RunInOrderAroundTheFunction()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = new List<string>();
        var services = new ServiceCollection()
            .AddSingleton<IFunctionInvocationFilter>(new RecordingFilter("outer", log))
            .AddSingleton<IFunctionInvocationFilter>(new RecordingFilter("inner", log))
            .BuildServiceProvider();
        var host = new KernelHost(services, [PluginFactory.Create(new EchoPlugin(log))]);
        Assert.True(host.TryGetFunction("Echo", "echo", out _, out var echo));

        var result = await echo.InvokeAsync(host.Kernel, new KernelArguments { ["text"] = "hi" }, ct);

        Assert.Equal("hi", result.GetValue<string>());
        Assert.Equal(["outer>Echo.echo", "inner>Echo.echo", "echo hi", "inner<", "outer<"], log);
    }

    [Fact]
    public async Task Invoke_FilterThrows_FunctionDoesNotRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = new List<string>();
        var services = new ServiceCollection().AddSingleton<IFunctionInvocationFilter>(new DenyFilter()).BuildServiceProvider();
        var host = new KernelHost(services, [PluginFactory.Create(new EchoPlugin(log))]);
        Assert.True(host.TryGetFunction("echo", "ECHO", out _, out var echo));

        var error = await Assert.ThrowsAsync<FunctionException>(() => echo.InvokeAsync(host.Kernel, new KernelArguments { ["text"] = "x" }, ct));

        Assert.Equal(ErrorCodes.PermissionDenied, error.Code);
        Assert.Empty(log);
    }

    [Fact]
    public void TryGetFunction_QualifiedNames_DotAndHyphenBothResolve()
    {
        var host = new KernelHost(new ServiceCollection().BuildServiceProvider(), [PluginFactory.Create(new EchoPlugin([]))]);

        Assert.True(host.TryGetFunction("Echo.echo", out _, out var dotted));
        Assert.True(host.TryGetFunction("echo-echo", out _, out var hyphen));
        Assert.Same(dotted, hyphen);
        Assert.False(host.TryGetFunction("echo", out _, out _));
    }

    [Fact]
    public void Update_PublishesANewKernel_OnceEachChange_AndLeavesTheOldOneAsItWas()
    {
        var host = new KernelHost(new ServiceCollection().BuildServiceProvider());
        var changes = 0;
        host.Changed += (_, _) => changes++;
        var before = host.Kernel;

        host.Set(PluginFactory.Create(new EchoPlugin([])));
        host.Update(p => p);
        host.Update(p => p.Remove("Echo").Add("A", KernelPluginFactory.CreateFromFunctions("A", [KernelFunctionFactory.CreateFromMethod(() => 1, "one")])));
        Assert.False(host.Remove("missing"));

        Assert.Equal(2, changes);
        Assert.Empty(before.Plugins);
        Assert.Equal(["A"], host.Plugins.Select(p => p.Name));
        Assert.NotSame(before, host.Kernel);
    }

    [Fact]
    public void Kernel_ServicesAndFilters_ComeFromTheApplication()
    {
        var filter = new DenyFilter();
        var services = new ServiceCollection().AddSingleton<IFunctionInvocationFilter>(filter).AddSingleton("a service").BuildServiceProvider();

        var kernel = new KernelHost(services).Kernel;

        Assert.Same(filter, Assert.Single(kernel.FunctionInvocationFilters));
        Assert.Equal("a service", kernel.Services.GetRequiredService<string>());
    }

    private sealed class EchoPlugin(List<string> log)
    {
        [KernelFunction("echo")]
        [Description("Echoes the text.")]
        public string Echo(string text)
        {
            log.Add($"echo {text}");
            return text;
        }
    }

    private sealed class RecordingFilter(string name, List<string> log) : IFunctionInvocationFilter
    {
        public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            log.Add($"{name}>{context.Function.PluginName}.{context.Function.Name}");
            await next(context);
            log.Add($"{name}<");
        }
    }

    private sealed class DenyFilter : IFunctionInvocationFilter
    {
        public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next) =>
            throw new FunctionException(ErrorCodes.PermissionDenied, $"{context.Function.Name} is not allowed.");
    }
}
