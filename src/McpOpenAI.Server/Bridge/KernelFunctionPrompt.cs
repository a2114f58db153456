using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge;

/// <summary>A kernel function that is also a prompt, offered as an MCP prompt: its arguments are the prompt's.</summary>
internal sealed class KernelFunctionPrompt : McpServerPrompt
{
    private readonly KernelHost _host;
    private readonly PromptDescriptor _prompt;
    private readonly ToolSchema _schema;

    public KernelFunctionPrompt(KernelHost host, NamedTool tool, PromptDescriptor prompt)
    {
        _host = host;
        _prompt = prompt;
        _schema = ToolSchema.Of(tool.Function, tool.Plugin);
        Source = tool;
        ProtocolPrompt = new Prompt
        {
            Name = tool.ToolName,
            Title = tool.Function.GetTraits(tool.Plugin).Title,
            Description = tool.Function.Description,
            Arguments = prompt.Parameters.Select(p => new PromptArgument
            {
                Name = p.Name,
                Description = p.Default is null ? p.Description : $"{p.Description} (default: {p.Default})".TrimStart(),
                Required = p.IsRequired,
            }).ToList(),
        };
    }

    /// <summary>The prompt behind a named function, when it is one.</summary>
    public static PromptDescriptor? PromptOf(NamedTool tool) =>
        tool.Plugin is IPromptPlugin prompts && prompts.TryGetPrompt(tool.Function.Name, out var prompt) ? prompt : null;

    /// <summary>The kernel function behind the prompt.</summary>
    public NamedTool Source { get; }

    public override Prompt ProtocolPrompt { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
    {
        try
        {
            var given = request.Params?.Arguments?.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value)) ?? [];
            using var call = CallContext.Begin(McpCallContext.For(request.Server, progress: null));
            var messages = await _prompt.RenderAsync(_host.Kernel, _schema.ToArguments(given), cancellationToken).ConfigureAwait(false);
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
