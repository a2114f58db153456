using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using McpOpenAI.Kernel.Prompts.Templates;
using McpOpenAI.TestKit.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Prompts;

/// <summary>A kernel host whose chat client is scripted and which has the test text plugin, plus helpers to make prompt functions.</summary>
internal sealed class PromptTestKernel
{
    public PromptTestKernel(ScriptedChatClient? client = null, Action<IServiceCollection>? services = null)
    {
        Client = (client ?? ScriptedChatClient.Streaming("answer")).WithMetadata();
        var collection = new ServiceCollection().AddSingleton<IChatClient>(Client);
        services?.Invoke(collection);
        Host = new KernelHost(collection.BuildServiceProvider(), [PluginFactory.Create(new TestTextPlugin(), "Text")]);
    }

    public KernelHost Host { get; }

    public ScriptedChatClient Client { get; }

    /// <summary>A prompt function named Test in the plugin Tests, added to the kernel.</summary>
    public TestPrompt Create(string template, string format = "semantic-kernel", bool allowDangerous = false, params InputVariable[] variables) =>
        Add(new PromptTemplateConfig(template) { Name = "Test", TemplateFormat = format, AllowDangerouslySetContent = allowDangerous, InputVariables = [.. variables] });

    /// <summary>A prompt function made from <paramref name="config"/>, added to the kernel in <paramref name="plugin"/>.</summary>
    public TestPrompt Add(PromptTemplateConfig config, string plugin = "Tests")
    {
        var (function, prompt) = PromptFunctionFactory.Create(config);
        // The template alone, as Semantic Kernel's factory or the handlebars one renders it.
        var template = config.TemplateFormat == HandlebarsPromptTemplateFactory.HandlebarsTemplateFormat
            ? new HandlebarsPromptTemplateFactory().Create(config)
            : new KernelPromptTemplateFactory().Create(config);
        var added = new PromptPlugin(plugin, null, [(function, prompt)]);
        Host.Set(added);
        return new TestPrompt(Host, added, added[function.Name], prompt, template);
    }

    public static KernelArguments Args(params (string Name, object? Value)[] values)
    {
        var arguments = new KernelArguments();
        foreach (var (name, value) in values)
            arguments[name] = value;
        return arguments;
    }
}

/// <summary>A prompt function in a test kernel, with its bare template to see what Semantic Kernel (or Handlebars) renders.</summary>
internal sealed record TestPrompt(KernelHost Host, PromptPlugin Plugin, KernelFunction Function, PromptDescriptor Prompt, IPromptTemplate? Template = null)
{
    /// <summary>The rendered template, message tags included (no defaults filled in).</summary>
    public Task<string> RenderAsync(KernelArguments arguments, CancellationToken cancellationToken) => Template!.RenderAsync(Host.Kernel, arguments, cancellationToken);

    /// <summary>The rendered messages, as an MCP client's <c>prompts/get</c> receives them.</summary>
    public ValueTask<IReadOnlyList<ChatMessage>> RenderMessagesAsync(KernelArguments arguments, CancellationToken cancellationToken) =>
        Prompt.RenderAsync(Host.Kernel, arguments, cancellationToken);

    /// <summary>Invokes the function as the MCP bridge does (streaming, through the kernel's filters).</summary>
    public Task<object?> InvokeAsync(KernelArguments arguments, CancellationToken cancellationToken) =>
        Calls.KernelCalls.InvokeAsync(Host.Kernel, Plugin, Function, arguments, cancellationToken);
}
