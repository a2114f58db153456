using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using McpOpenAI.TestKit.Chat;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Prompts;

/// <summary>A kernel with a scripted chat client and the test text plugin, plus helpers to make prompt functions.</summary>
internal sealed class PromptTestKernel : IServiceProvider, IChatClientProvider
{
    public PromptTestKernel(ScriptedChatClient? client = null)
    {
        Client = client ?? ScriptedChatClient.Streaming("answer");
        Kernel = new PluginKernel(this);
        Kernel.Plugins.Add(AIPlugin.FromObject(new TestTextPlugin(), "Text"));
    }

    public PluginKernel Kernel { get; }

    public ScriptedChatClient Client { get; }

    public IChatClient? GetChatClient() => Client;

    public object? GetService(Type serviceType) => serviceType == typeof(IChatClientProvider) ? this : null;

    public PromptFunction Create(string template, string format = PromptTemplateFormats.SemanticKernel, bool allowDangerous = false,
        params PromptInputVariable[] variables) =>
        new(new PromptDefinition
        {
            Name = "Test",
            Template = template,
            TemplateFormat = format,
            AllowDangerouslySetContent = allowDangerous,
            InputVariables = variables,
            InputVariablesDeclared = variables.Length > 0,
        }, "Tests", Kernel);

    public static AIFunctionArguments Args(params (string Name, object? Value)[] values)
    {
        var arguments = new AIFunctionArguments();
        foreach (var (name, value) in values)
            arguments[name] = value;
        return arguments;
    }
}
