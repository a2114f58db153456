using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge;

/// <summary>A prompt function offered as an MCP prompt: its input variables are the prompt's arguments.</summary>
internal sealed class KernelFunctionPrompt : McpServerPrompt
{
    private readonly PluginKernel _kernel;
    private readonly IPromptTemplateFunction _template;

    public KernelFunctionPrompt(PluginKernel kernel, NamedTool tool)
    {
        _kernel = kernel;
        Source = tool;
        _template = (IPromptTemplateFunction)tool.Function;
        ProtocolPrompt = new Prompt
        {
            Name = tool.ToolName,
            Title = tool.Function.GetTraits().Title,
            Description = tool.Function.Description,
            Arguments = _template.Parameters.Select(p => new PromptArgument
            {
                Name = p.Name,
                Description = p.Default is null ? p.Description : $"{p.Description} (default: {p.Default})".TrimStart(),
                Required = p.IsRequired,
            }).ToList(),
        };
    }

    /// <summary>True when the function is a prompt template.</summary>
    public static bool CanServe(AIFunction function) => function is IPromptTemplateFunction;

    /// <summary>The kernel function behind the prompt.</summary>
    public NamedTool Source { get; }

    public override Prompt ProtocolPrompt { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
    {
        var arguments = new AIFunctionArguments { Services = _kernel.Services };
        if (request.Params?.Arguments is { } given)
        {
            foreach (var (name, value) in given)
                arguments[name] = value;
        }
        try
        {
            var messages = await _template.RenderMessagesAsync(arguments, cancellationToken).ConfigureAwait(false);
            return new GetPromptResult
            {
                Description = Source.Function.Description,
                Messages = messages.SelectMany(ToPromptMessages).ToList(),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new McpException(ToolErrors.Format(ToolErrors.Classify(ex)));
        }
    }

    // An MCP prompt message holds one content block: a chat message with several contents (text, an image, an
    // embedded resource) becomes one prompt message per content, in order. MCP prompts have no system role:
    // instructions travel as user messages.
    private static IEnumerable<PromptMessage> ToPromptMessages(ChatMessage message)
    {
        var role = message.Role == ChatRole.Assistant ? Role.Assistant : Role.User;
        var contents = message.Contents.Where(c => c is not TextContent { Text.Length: 0 }).ToList();
        if (contents.Count == 0 || contents.All(c => c is TextContent))
        {
            yield return new PromptMessage { Role = role, Content = new TextContentBlock { Text = message.Text } };
            yield break;
        }
        foreach (var content in contents)
            yield return new PromptMessage { Role = role, Content = ToolResults.ToBlock(content) };
    }
}
